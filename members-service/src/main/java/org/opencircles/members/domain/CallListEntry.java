package org.opencircles.members.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** One member on a call list, in order, with the outcome of contacting them once it is known. */
@Entity
@Table(name = "call_list_entry")
@IdClass(CallListEntry.Key.class)
public class CallListEntry extends PanacheEntityBase {

    /** What happened when the volunteer tried the member. */
    public enum Outcome {
        REACHED,
        NO_ANSWER,
        WRONG_NUMBER,
        WANTS_TO_GET_INVOLVED,
        DO_NOT_CONTACT
    }

    /** The composite key. */
    public static class Key implements Serializable {
        public UUID listId;
        public UUID memberId;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(listId, k.listId) && Objects.equals(memberId, k.memberId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(listId, memberId);
        }
    }

    @Id
    @Column(name = "list_id")
    public UUID listId;

    @Id
    @Column(name = "member_id")
    public UUID memberId;

    @Column(nullable = false)
    public int position;

    @Enumerated(EnumType.STRING)
    public Outcome outcome;

    @Column(name = "outcome_at")
    public Instant outcomeAt;

    @Column(name = "outcome_by")
    public String outcomeBy;
}
