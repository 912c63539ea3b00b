-- Search reads a narrow table of its own instead of the member rows: each not-erased member's id, folded search text,
-- name (for name order) and CLP (for scope), in that order. A search for a common word reads every member it matches
-- to count and order them, and reaching the text at the end of a member row of 30 columns was most of that: "smith"
-- (5,964 members at 500,000) counted in 2.3 ms here against 5.0 ms on the member rows, and its first page with the
-- count in 6.5 ms against 10.8 ms (medians of 40, measured side by side on copies of the same rows).
-- The database keeps it, in the statements that write members (an import's COPY adds thousands at once): it holds
-- exactly the members not erased, so an erased member's name, email or phone is not left behind in it.

-- What search matches: name, number, email, phone (also digits alone) and postcode (also without its space), folded.
-- || rather than concat_ws, which is only STABLE.
create function oc_search_text(first_name text, last_name text, membership_number text, email text, phone text,
                               postcode text) returns text language sql immutable parallel safe as $$
    select oc_fold(coalesce(first_name, '') || ' ' || coalesce(last_name, '') || ' ' || coalesce(membership_number, '')
                   || ' ' || coalesce(email, '') || ' ' || coalesce(phone, '') || ' '
                   || coalesce(regexp_replace(phone, '[^0-9]', '', 'g'), '') || ' ' || coalesce(postcode, '') || ' '
                   || coalesce(replace(postcode, ' ', ''), ''))
$$;

create table member_search (
    id          uuid primary key,
    search_text text not null,
    last_name   text,
    first_name  text,
    clp_code    text not null
);

-- In name order, as an import writes them: the members of one surname share a few pages.
insert into member_search (id, search_text, last_name, first_name, clp_code)
select id, search_text, last_name, first_name, clp_code from member where erased_at is null
order by last_name, first_name, id;
-- Under the name the member rows' index had (an import merges its pending entries by that name).
drop index member_search_idx;
create index member_search_idx on member_search using gin (search_text gin_trgm_ops);

create function oc_member_search_added() returns trigger language plpgsql as $$
begin
    insert into member_search (id, search_text, last_name, first_name, clp_code)
    select id, oc_search_text(first_name, last_name, membership_number, email, phone, postcode), last_name,
           first_name, clp_code
    from changed where erased_at is null;
    return null;
end
$$;

-- A changed member's entry follows them; an erased member's goes. Entries that would not change are not rewritten.
create function oc_member_search_changed() returns trigger language plpgsql as $$
begin
    delete from member_search s using changed c where s.id = c.id and c.erased_at is not null;
    insert into member_search as s (id, search_text, last_name, first_name, clp_code)
    select id, oc_search_text(first_name, last_name, membership_number, email, phone, postcode), last_name,
           first_name, clp_code
    from changed where erased_at is null
    on conflict (id) do update
        set search_text = excluded.search_text, last_name = excluded.last_name, first_name = excluded.first_name,
            clp_code = excluded.clp_code
        where (s.search_text, s.last_name, s.first_name, s.clp_code)
              is distinct from (excluded.search_text, excluded.last_name, excluded.first_name, excluded.clp_code);
    return null;
end
$$;

create function oc_member_search_removed() returns trigger language plpgsql as $$
begin
    delete from member_search s using gone g where s.id = g.id;
    return null;
end
$$;

create function oc_member_search_emptied() returns trigger language plpgsql as $$
begin
    truncate member_search;
    return null;
end
$$;

create trigger member_search_insert after insert on member referencing new table as changed
    for each statement execute function oc_member_search_added();
create trigger member_search_update after update on member referencing new table as changed
    for each statement execute function oc_member_search_changed();
create trigger member_search_delete after delete on member referencing old table as gone
    for each statement execute function oc_member_search_removed();
create trigger member_search_truncate after truncate on member
    for each statement execute function oc_member_search_emptied();

-- On erasure: the erased member's name words that no other member has go too, so nothing of them is left behind
-- (the erased member's own entry has already gone from member_search).
create or replace function oc_forget_search_words(words text[]) returns integer language sql volatile as $$
    with gone as (
        delete from search_word w
        where w.word = any(words)
          and not exists (select 1 from member_search s
                          where s.search_text like '%' || replace(replace(replace(w.word, '\', '\\'), '%', '\%'), '_', '\_') || '%'
                            and w.word in (select oc_name_words(s.first_name, s.last_name)))
        returning 1)
    select count(*)::integer from gone
$$;

alter table member drop column search_text;
