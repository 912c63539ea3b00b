-- Search over name, membership number, email, phone and postcode, forgiving accents, case, spacing and typos
-- (pg_trgm word similarity and substring matches on one folded text per member, under a trigram index).
create extension if not exists pg_trgm;
create extension if not exists unaccent;

-- unaccent() is only STABLE (its dictionary could change); fixing the dictionary makes the fold IMMUTABLE, so it can
-- feed a stored column and an index.
create function oc_fold(value text) returns text language sql immutable parallel safe strict as $$
    select lower(public.unaccent('public.unaccent'::regdictionary, value))
$$;

alter table member add column search_text text generated always as (
    -- || rather than concat_ws, which is only STABLE.
    oc_fold(coalesce(first_name, '') || ' ' || coalesce(last_name, '') || ' ' || coalesce(membership_number, '')
            || ' ' || coalesce(email, '') || ' ' || coalesce(phone, '') || ' '
            || coalesce(regexp_replace(phone, '[^0-9]', '', 'g'), '') || ' ' || coalesce(postcode, '') || ' '
            || coalesce(replace(postcode, ' ', ''), ''))
) stored;
create index member_search_idx on member using gin (search_text gin_trgm_ops) where erased_at is null;

-- A call list: a saved filter turned into the members to contact through one channel, worked through by a volunteer.
-- Its members are fixed when it is made (consent for the channel decided then, and again on every read and export).
create table call_list (
    id           uuid primary key,
    name         text not null,
    clp_code     text not null,
    channel      text not null check (channel in ('PHONE', 'EMAIL')),
    filter       jsonb not null,
    assigned_to  text,
    created_by   text not null,
    created_at   timestamptz not null,
    version      bigint not null default 0,
    unique (clp_code, name)
);

create table call_list_entry (
    list_id      uuid not null references call_list (id),
    member_id    uuid not null references member (id),
    position     integer not null,
    outcome      text,
    outcome_at   timestamptz,
    outcome_by   text,
    primary key (list_id, member_id)
);
create index call_list_entry_order_idx on call_list_entry (list_id, position);
create index call_list_entry_member_idx on call_list_entry (member_id);

-- Whether a member's folded text matches a folded query: a word close to it (typos) or a substring (part of a number,
-- an email or a postcode). A plain SQL expression, so the planner inlines it and uses the trigram index. STABLE, as
-- the <% operator is (it reads pg_trgm.word_similarity_threshold): declared IMMUTABLE it is not inlined, and every
-- search becomes a scan of every member (9.4 s at 500,000 instead of 0.13 s, measured).
create function oc_member_matches(search text, query text) returns boolean language sql stable parallel safe as $$
    select query <% search or search like '%' || replace(replace(replace(query, '\', '\\'), '%', '\%'), '_', '\_') || '%'
$$;
