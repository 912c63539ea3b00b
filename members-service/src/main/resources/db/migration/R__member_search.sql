-- Repeatable: the live definition of member search: the folded search text, the dictionary of
-- name words that near spellings come from, and the member_search table the database keeps for the statements that
-- write members (so an erased member's words and details never stay behind in it). Entities affected: Member (its
-- writes), MemberSearch (read only). Flyway reruns this file whenever it
-- changes, after the versioned migrations (which keep the history of how it came to be). Functions are replaced in
-- place; each trigger is dropped and created again by name, so a name found here is the trigger in the database.

-- unaccent() is only STABLE (its dictionary could change); fixing the dictionary makes the fold IMMUTABLE.
create or replace function oc_fold(value text) returns text language sql immutable parallel safe strict as $$
    select lower(public.unaccent('public.unaccent'::regdictionary, value))
$$;

-- The words of a name, folded as search folds the query.
create or replace function oc_name_words(first_name text, last_name text) returns setof text language sql immutable
    parallel safe as $$
    select w from regexp_split_to_table(oc_fold(coalesce(first_name, '') || ' ' || coalesce(last_name, '')),
                                        '[\s\-]+') as w
    where length(w) >= 2
$$;

-- What search matches: name, number, email, phone (also digits alone) and postcode (also without its space), folded.
-- || rather than concat_ws, which is only STABLE.
create or replace function oc_search_text(first_name text, last_name text, membership_number text, email text, phone text,
                               postcode text) returns text language sql immutable parallel safe as $$
    select oc_fold(coalesce(first_name, '') || ' ' || coalesce(last_name, '') || ' ' || coalesce(membership_number, '')
                   || ' ' || coalesce(email, '') || ' ' || coalesce(phone, '') || ' '
                   || coalesce(regexp_replace(phone, '[^0-9]', '', 'g'), '') || ' ' || coalesce(postcode, '') || ' '
                   || coalesce(replace(postcode, ' ', ''), ''))
$$;

-- Kept by the statements that write members (an import's COPY adds thousands at once): one insert per statement.
create or replace function oc_keep_search_words() returns trigger language plpgsql as $$
begin
    insert into search_word (word)
    select distinct w from changed, oc_name_words(changed.first_name, changed.last_name) as w
    where changed.erased_at is null
    on conflict do nothing;
    return null;
end
$$;

create or replace function oc_member_search_added() returns trigger language plpgsql as $$
begin
    insert into member_search (id, search_text, last_name, first_name, clp_code)
    select id, oc_search_text(first_name, last_name, membership_number, email, phone, postcode), last_name,
           first_name, clp_code
    from changed where erased_at is null;
    return null;
end
$$;

-- A changed member's entry follows them; an erased member's goes. Entries that would not change are not rewritten.
create or replace function oc_member_search_changed() returns trigger language plpgsql as $$
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

create or replace function oc_member_search_removed() returns trigger language plpgsql as $$
begin
    delete from member_search s using gone g where s.id = g.id;
    return null;
end
$$;

create or replace function oc_member_search_emptied() returns trigger language plpgsql as $$
begin
    truncate member_search;
    return null;
end
$$;

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

-- Triggers of one event fire in name order: member_search_* before member_search_words_*.
drop trigger if exists member_search_insert on member;
create trigger member_search_insert after insert on member referencing new table as changed
    for each statement execute function oc_member_search_added();
drop trigger if exists member_search_update on member;
create trigger member_search_update after update on member referencing new table as changed
    for each statement execute function oc_member_search_changed();
drop trigger if exists member_search_delete on member;
create trigger member_search_delete after delete on member referencing old table as gone
    for each statement execute function oc_member_search_removed();
drop trigger if exists member_search_truncate on member;
create trigger member_search_truncate after truncate on member
    for each statement execute function oc_member_search_emptied();
drop trigger if exists member_search_words_insert on member;
create trigger member_search_words_insert after insert on member referencing new table as changed
    for each statement execute function oc_keep_search_words();
drop trigger if exists member_search_words_update on member;
create trigger member_search_words_update after update on member referencing new table as changed
    for each statement execute function oc_keep_search_words();
