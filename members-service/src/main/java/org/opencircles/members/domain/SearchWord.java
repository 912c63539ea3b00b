package org.opencircles.members.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;

/**
 * A word some member's name is made of, folded: the dictionary search looks a query's words up in (by the trigram
 * index, for near spellings and for the name words a query word is part of); kept by the database, never written here.
 */
@Entity
@Immutable
@Table(name = "search_word")
public class SearchWord extends PanacheEntityBase {

    @Id
    public String word;
}
