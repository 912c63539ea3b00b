-- Search splits the query into words, each of which must match. Near spellings are ordered by how close all the
-- words are together (the sum of each word's similarity to the member's text).
create function oc_member_score(search text, query text) returns real language sql stable parallel safe as $$
    select coalesce(sum(word_similarity(w, search)), 0)::real
    from regexp_split_to_table(oc_fold(query), '\s+') as w where w <> ''
$$;
