-- Search by one common word ("oliver": 16,733 members at 500,000) found them through the trigram index on their whole
-- text, then read every one's entry to recheck, count and sort them: 8,069 pages, 23-34 ms of PostgreSQL's CPU a
-- search. Now each word a member's name is made of is also a posting: the word, then the member's name and id in
-- name order, the CLP beside them, under one B-tree. Who has a word, how many, and the first page in name order come
-- from that index alone. The rest of a member's text (number, email, phone, postcode) keeps the trigram index, less
-- the pieces that are one of their name words ("oliver.smith@example.org" of Oliver Smith leaves "example org"), so
-- a name does not bring its members in twice. A query word of letters and digits alone is in a member's text exactly
-- when it is part of one of their name words or of a piece of the rest: it cannot span a space, hyphen or other mark.
-- MemberService.searchCondition and onePiecePage rely on that; any other word is checked on the members found.
-- In psql at 500,000 (pgbench, one client): "oliver" counted in 1.3 ms and its first page in name order 2.7 ms with
-- a sort, against 23-34 ms before; an import pays 0.5-1.5 s more a 100,000 members (measured side by side, rolled
-- back: 11.1-14.4 s against 9.8-13.4 s).

-- A member's text other than their name: its pieces of letters and digits, less those that are one of their name
-- words ("oliver.smith@example.org" of Oliver Smith leaves "example org"). Plain string replaces: splitting into rows
-- and comparing sets cost 48 us a member, a tenth of an import's time.
create function oc_other_text(first_name text, last_name text, membership_number text, email text, phone text,
                              postcode text) returns text language plpgsql immutable parallel safe as $$
declare
    pieces text := ' ' || regexp_replace(oc_fold(coalesce(membership_number, '') || ' ' || coalesce(email, '') || ' '
                                                 || coalesce(phone, '') || ' '
                                                 || coalesce(regexp_replace(phone, '[^0-9]', '', 'g'), '') || ' '
                                                 || coalesce(postcode, '') || ' '
                                                 || coalesce(replace(postcode, ' ', ''), '')),
                                         '[^[:alnum:]]+', ' ', 'g') || ' ';
    word text;
begin
    foreach word in array regexp_split_to_array(oc_fold(coalesce(first_name, '') || ' ' || coalesce(last_name, '')),
                                                '[\s\-]+') loop
        if length(word) >= 2 then
            pieces := replace(pieces, ' ' || word || ' ', ' ');
        end if;
    end loop;
    return btrim(pieces);
end
$$;

-- Beside it the member's name folded, which tells whether a member found by the rest was found by a name word too.
alter table member_search add column other_text text, add column name_text text;
update member_search s set other_text = oc_other_text(m.first_name, m.last_name, m.membership_number, m.email,
                                                      m.phone, m.postcode),
                           name_text = oc_fold(coalesce(m.first_name, '') || ' ' || coalesce(m.last_name, ''))
from member m where m.id = s.id;
alter table member_search alter column other_text set not null, alter column name_text set not null;
drop index member_search_idx;
-- Same name: an import merges the index's pending entries by it.
create index member_search_idx on member_search using gin (clp_code, other_text gin_trgm_ops);

create table search_posting (
    word       text not null,
    clp_code   text not null,
    last_name  text,
    first_name text,
    id         uuid not null
);
insert into search_posting (word, clp_code, last_name, first_name, id)
select distinct w, s.clp_code, s.last_name, s.first_name, s.id
from member_search s, oc_name_words(s.first_name, s.last_name) as w;
create index search_posting_idx on search_posting (word, last_name, first_name, id) include (clp_code);

-- Every word a not-erased member's name is made of is in the dictionary; the postings are the dictionary's words per
-- member, so a word nobody has any more is one without postings.
create or replace function oc_forget_search_words(words text[]) returns integer language sql volatile as $$
    with gone as (
        delete from search_word w
        where w.word = any(words)
          and not exists (select 1 from search_posting p where p.word = w.word)
        returning 1)
    select count(*)::integer from gone
$$;

create or replace function oc_member_search_added() returns trigger language plpgsql as $$
begin
    insert into member_search (id, search_text, last_name, first_name, clp_code, other_text, name_text)
    select id, oc_search_text(first_name, last_name, membership_number, email, phone, postcode), last_name,
           first_name, clp_code, oc_other_text(first_name, last_name, membership_number, email, phone, postcode),
           oc_fold(coalesce(first_name, '') || ' ' || coalesce(last_name, ''))
    from changed where erased_at is null;
    insert into search_posting (word, clp_code, last_name, first_name, id)
    select distinct w, c.clp_code, c.last_name, c.first_name, c.id
    from changed c, oc_name_words(c.first_name, c.last_name) as w
    where c.erased_at is null;
    return null;
end
$$;

-- A changed member's entry follows them; an erased member's goes, postings and all. Entries that would not change
-- are not rewritten, and postings only change with the name or the CLP (a recorded call changes neither).
create or replace function oc_member_search_changed() returns trigger language plpgsql as $$
begin
    delete from member_search s using changed c where s.id = c.id and c.erased_at is not null;
    insert into member_search as s (id, search_text, last_name, first_name, clp_code, other_text, name_text)
    select id, oc_search_text(first_name, last_name, membership_number, email, phone, postcode), last_name,
           first_name, clp_code, oc_other_text(first_name, last_name, membership_number, email, phone, postcode),
           oc_fold(coalesce(first_name, '') || ' ' || coalesce(last_name, ''))
    from changed where erased_at is null
    on conflict (id) do update
        set search_text = excluded.search_text, last_name = excluded.last_name, first_name = excluded.first_name,
            clp_code = excluded.clp_code, other_text = excluded.other_text, name_text = excluded.name_text
        where (s.search_text, s.last_name, s.first_name, s.clp_code, s.other_text)
              is distinct from (excluded.search_text, excluded.last_name, excluded.first_name, excluded.clp_code,
                                excluded.other_text);
    delete from search_posting p
    using before b join changed c on c.id = b.id, oc_name_words(b.first_name, b.last_name) as w
    where p.word = w and p.clp_code = b.clp_code and p.id = b.id
      and (c.erased_at is not null
           or (c.first_name, c.last_name, c.clp_code) is distinct from (b.first_name, b.last_name, b.clp_code));
    insert into search_posting (word, clp_code, last_name, first_name, id)
    select distinct w, c.clp_code, c.last_name, c.first_name, c.id
    from before b join changed c on c.id = b.id, oc_name_words(c.first_name, c.last_name) as w
    where c.erased_at is null
      and (b.erased_at is not null
           or (c.first_name, c.last_name, c.clp_code) is distinct from (b.first_name, b.last_name, b.clp_code));
    return null;
end
$$;

create or replace function oc_member_search_removed() returns trigger language plpgsql as $$
begin
    delete from member_search s using gone g where s.id = g.id;
    delete from search_posting p using gone g, oc_name_words(g.first_name, g.last_name) as w
    where p.word = w and p.clp_code = g.clp_code and p.id = g.id;
    return null;
end
$$;

create or replace function oc_member_search_emptied() returns trigger language plpgsql as $$
begin
    truncate member_search;
    truncate search_posting;
    return null;
end
$$;

drop trigger member_search_update on member;
create trigger member_search_update after update on member referencing old table as before new table as changed
    for each statement execute function oc_member_search_changed();
