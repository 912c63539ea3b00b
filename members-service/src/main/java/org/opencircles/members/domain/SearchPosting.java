package org.opencircles.members.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;

import java.io.Serializable;
import java.util.Objects;
import java.util.UUID;

/**
 * One of the words a not-erased member's name is made of, with the member's name and CLP beside it, so that search
 * finds who has a word, counts and orders them from one index (V14); kept by the database from the member rows, read
 * here, never written.
 */
@Entity
@Immutable
@Table(name = "search_posting")
@IdClass(SearchPosting.Key.class)
public class SearchPosting extends PanacheEntityBase {

    /** The name word, folded as search folds the query. */
    @Id
    public String word;

    /** The member's id. */
    @Id
    public UUID id;

    @Column(name = "clp_code")
    public String clpCode;

    @Column(name = "last_name")
    public String lastName;

    @Column(name = "first_name")
    public String firstName;

    /** A posting is one member's one word. */
    public static class Key implements Serializable {
        public String word;
        public UUID id;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(word, k.word) && Objects.equals(id, k.id);
        }

        @Override
        public int hashCode() {
            return Objects.hash(word, id);
        }
    }
}
