-- Safeguarding concerns: raised by any staff member, read and acted on only by the designated safeguarding lead (and
-- the DPO for audit). A pairing can be SUSPENDED while a concern is looked into; a mentor can be barred.
alter table pairing drop constraint pairing_status_check;
alter table pairing add constraint pairing_status_check check (status in ('PROPOSED', 'ACTIVE', 'SUSPENDED', 'ENDED'));
drop index pairing_one_live_per_mentee;
create unique index pairing_one_live_per_mentee on pairing (mentee_id) where status in ('PROPOSED', 'ACTIVE', 'SUSPENDED');

alter table mentor add column barred_at timestamptz;

create table concern (
    id            uuid primary key,
    clp_code      text not null,
    subject_type  text not null check (subject_type in ('MENTEE', 'MENTOR', 'PAIRING')),
    subject_id    uuid not null,
    -- The members the concern involves, to find it when one of them is erased (then their id is removed here).
    member_ids    uuid[] not null default '{}',
    category      text not null,
    account       text not null,
    occurred_on   date not null,
    raised_by     text not null,
    raised_at     timestamptz not null,
    status        text not null check (status in ('OPEN', 'CLOSED')),
    outcome       text,
    closed_at     timestamptz,
    version       bigint not null default 0
);
create index concern_clp_status_idx on concern (clp_code, status, raised_at);
create index concern_members_idx on concern using gin (member_ids);

-- Which pairings a concern suspended, so the lead's decision reinstates or ends exactly those.
create table concern_pairing (
    concern_id  uuid not null references concern (id),
    pairing_id  uuid not null references pairing (id),
    primary key (concern_id, pairing_id)
);

-- The concern's history: every step timestamped and attributed. It can be added to, never edited or deleted.
create table concern_entry (
    id           uuid primary key,
    concern_id   uuid not null references concern (id),
    kind         text not null,
    outcome      text,
    note         text,
    recorded_by  text not null,
    recorded_at  timestamptz not null,
    seq          bigint generated always as identity
);
create index concern_entry_concern_idx on concern_entry (concern_id, seq);

create function concern_entry_is_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'the history of a safeguarding concern cannot be changed, only added to'
        using errcode = 'P0001';
end $$;
create trigger concern_entry_append_only before update or delete on concern_entry
    for each row execute function concern_entry_is_append_only();
-- The raise itself (who, when, what, about whom) cannot be rewritten either: only status, outcome, the closing time
-- and, on erasure, the list of members involved change.
create function concern_facts_are_fixed() returns trigger language plpgsql as $$
begin
    if new.id <> old.id or new.clp_code <> old.clp_code or new.subject_type <> old.subject_type
       or new.subject_id <> old.subject_id or new.category <> old.category or new.account <> old.account
       or new.occurred_on <> old.occurred_on or new.raised_by <> old.raised_by or new.raised_at <> old.raised_at then
        raise exception 'what was raised in a safeguarding concern cannot be changed, only added to'
            using errcode = 'P0001';
    end if;
    return new;
end $$;
create trigger concern_facts_fixed before update on concern
    for each row execute function concern_facts_are_fixed();
create trigger concern_not_deleted before delete on concern
    for each row execute function concern_entry_is_append_only();

-- A concern raised from a session log points back at that session.
alter table mentoring_session add column concern_id uuid references concern (id);
-- What a suspended pairing was before (PROPOSED or ACTIVE), so reinstating puts it back exactly.
alter table concern_pairing add column status_before text not null default 'ACTIVE';
