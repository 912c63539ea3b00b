-- Near spellings come from the words members' names are made of, not from every member's text: "smiht" is looked up
-- among some tens of thousands of distinct name words (trigram similarity, fast at any membership size), and the
-- members are then found by the words it is close to, exactly as for a correctly spelt query. Scoring word
-- similarity against 500,000 members' texts took 150-300 ms per query (measured); this takes a few.
create table search_word (
    word text primary key
);
create index search_word_trgm_idx on search_word using gin (word gin_trgm_ops);

-- The words of a name, folded as search folds the query.
create function oc_name_words(first_name text, last_name text) returns setof text language sql immutable
    parallel safe as $$
    select w from regexp_split_to_table(oc_fold(coalesce(first_name, '') || ' ' || coalesce(last_name, '')),
                                        '[\s\-]+') as w
    where length(w) >= 2
$$;

-- Kept by the statements that write members (an import's COPY adds thousands at once): one insert per statement.
create function oc_keep_search_words() returns trigger language plpgsql as $$
begin
    insert into search_word (word)
    select distinct w from changed, oc_name_words(changed.first_name, changed.last_name) as w
    where changed.erased_at is null
    on conflict do nothing;
    return null;
end
$$;
create trigger member_search_words_insert after insert on member referencing new table as changed
    for each statement execute function oc_keep_search_words();
create trigger member_search_words_update after update on member referencing new table as changed
    for each statement execute function oc_keep_search_words();

-- On erasure: the erased member's name words that no other member has go too, so nothing of them is left behind.
create function oc_forget_search_words(words text[]) returns integer language sql volatile as $$
    with gone as (
        delete from search_word s
        where s.word = any(words)
          and not exists (select 1 from member m
                          where m.erased_at is null
                            and m.search_text like '%' || replace(replace(replace(s.word, '\', '\\'), '%', '\%'), '_', '\_') || '%'
                            and s.word in (select oc_name_words(m.first_name, m.last_name)))
        returning 1)
    select count(*)::integer from gone
$$;

insert into search_word (word)
select distinct w from member, oc_name_words(member.first_name, member.last_name) as w
where member.erased_at is null
on conflict do nothing;

-- Searching no longer scores members' texts directly.
drop function oc_member_matches(text, text);
drop function oc_member_similar(text, text);
