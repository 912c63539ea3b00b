package org.opencircles.mentoring.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;
import java.util.UUID;

/** A pairing a concern suspended, and what it was before, so the lead's decision applies to exactly those. */
@Entity
@Table(name = "concern_pairing")
@IdClass(ConcernPairing.Key.class)
public class ConcernPairing extends PanacheEntityBase {

    /** The composite key. */
    public static class Key implements Serializable {
        public UUID concernId;
        public UUID pairingId;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k
                    && Objects.equals(concernId, k.concernId)
                    && Objects.equals(pairingId, k.pairingId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(concernId, pairingId);
        }
    }

    @Id
    @Column(name = "concern_id")
    public UUID concernId;

    @Id
    @Column(name = "pairing_id")
    public UUID pairingId;

    @Enumerated(EnumType.STRING)
    @Column(name = "status_before", nullable = false)
    public Pairing.Status statusBefore;
}
