package org.opencircles.members.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;
import org.hibernate.annotations.Immutable;

/**
 * What search reads of a member not erased: folded search text, name and CLP, kept by the database from the member
 * row (V12); read here, never written.
 * <p>R__member_search.sql: kept by triggers on member (member_search_insert, _update, _delete, _truncate).
 */
@Entity
@Immutable
@Table(name = "member_search")
public class MemberSearch extends PanacheEntityBase {

    @Id
    public UUID id;

    /** Name, number, email, phone and postcode folded (lower case, no accents). */
    @Column(name = "search_text")
    public String searchText;

    @Column(name = "last_name")
    public String lastName;

    @Column(name = "first_name")
    public String firstName;

    @Column(name = "clp_code")
    public String clpCode;
}
