-- actions-service schema: projections of members and mentees (ids and dates only), commitments,
-- the follow-up due table. Outbox, inbox and access audit tables come from platform's db/platform migration.

create table member_projection (
    member_id                 uuid primary key,
    clp_code                  text not null,
    ward_code                 text,
    status                    text not null,
    joined_on                 date not null,
    joined_recorded_at        timestamptz not null,
    last_contacted_at         timestamptz,
    wants_to_get_involved_at  timestamptz
);
create index member_projection_clp_idx on member_projection (clp_code, status);

create table mentee_projection (
    mentee_id       uuid primary key,
    member_id       uuid not null,
    clp_code        text not null,
    status          text not null check (status in ('WAITING', 'PAIRED', 'WITHDRAWN')),
    waiting_since   timestamptz not null
);
create index mentee_projection_clp_idx on mentee_projection (clp_code, status);
create index mentee_projection_member_idx on mentee_projection (member_id);

create table commitment (
    id                uuid primary key,
    clp_code          text not null,
    kind              text not null,
    title             text not null,
    description       text,
    made_at           text not null,
    owner_member_ids  uuid[] not null,
    due_on            date not null,
    status            text not null check (status in ('COMMITTED', 'IN_PROGRESS', 'DONE', 'DROPPED')),
    percent_complete  integer not null default 0,
    target_pence      bigint,
    raised_pence      bigint not null default 0,
    created_by        text not null,
    created_at        timestamptz not null,
    updated_at        timestamptz not null,
    completed_on      date,
    version           bigint not null default 0
);
create index commitment_clp_status_idx on commitment (clp_code, status, due_on);
create index commitment_owners_idx on commitment using gin (owner_member_ids);

create table commitment_update (
    id                uuid primary key,
    commitment_id     uuid not null references commitment (id),
    status            text not null,
    percent_complete  integer not null,
    raised_pence      bigint not null,
    note              text,
    updated_by        text not null,
    updated_at        timestamptz not null
);
create index commitment_update_commitment_idx on commitment_update (commitment_id, updated_at);

-- The due table: one row per (reason, subject, occurrence); the unique key is what makes a follow-up
-- impossible to duplicate, whatever is redelivered or retried.
create table follow_up (
    id              uuid primary key,
    reason          text not null,
    subject_type    text not null,
    subject_id      uuid not null,
    occurrence      text not null,
    clp_code        text not null,
    assignee_role   text not null,
    due_at          timestamptz not null,
    status          text not null check (status in ('SCHEDULED', 'OPEN', 'DONE', 'RESOLVED')),
    opened_at       timestamptz,
    closed_at       timestamptz,
    closed_by       text,
    note            text,
    version         bigint not null default 0,
    unique (reason, subject_id, occurrence)
);
create index follow_up_due_idx on follow_up (due_at) where status = 'SCHEDULED';
create index follow_up_clp_status_idx on follow_up (clp_code, status);
create index follow_up_subject_idx on follow_up (subject_id, status);
