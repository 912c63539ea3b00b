-- Search in two steps: members whose folded text contains the folded query (exact, and cheap through the trigram
-- index), and only when there are none, members with a word close to it (typos), ordered by similarity. Both plain SQL
-- expressions, STABLE, so they are inlined and use the index.
create function oc_member_contains(search text, query text) returns boolean language sql stable parallel safe as $$
    select search like '%' || replace(replace(replace(query, '\', '\\'), '%', '\%'), '_', '\_') || '%'
$$;

create function oc_member_similar(search text, query text) returns boolean language sql stable parallel safe as $$
    select query <% search
$$;
