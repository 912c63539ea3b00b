package org.opencircles.members.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** Records another service kept, minimised, when a member was erased, and on what legal basis; codes only. */
@Entity
@Table(name = "erasure_retention")
@IdClass(ErasureRetention.Key.class)
public class ErasureRetention extends PanacheEntityBase {

    /** The composite key: one row per member, service and kind of record. */
    public static class Key implements Serializable {
        public UUID memberId;
        public String service;
        public String recordType;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k
                    && Objects.equals(memberId, k.memberId)
                    && Objects.equals(service, k.service)
                    && Objects.equals(recordType, k.recordType);
        }

        @Override
        public int hashCode() {
            return Objects.hash(memberId, service, recordType);
        }
    }

    @Id
    @Column(name = "member_id")
    public UUID memberId;

    @Id
    public String service;

    @Id
    @Column(name = "record_type")
    public String recordType;

    @Column(nullable = false)
    public int count;

    @Column(nullable = false)
    public String basis;

    @Column(name = "noted_at", nullable = false)
    public Instant notedAt;
}
