-- mentoring-service schema: member projection (ids, CLP, age dates, guardian consent), mentors with their
-- safeguarding checks, mentees, cohorts, pairings and sessions. Outbox, inbox and access audit tables come from
-- platform's db/platform migration.

create table member_projection (
    member_id         uuid primary key,
    clp_code          text not null,
    ward_code         text,
    status            text not null,
    adult_on          date,
    youth_until       date,
    guardian_consent  boolean not null default false
);

create table mentor (
    id                     uuid primary key,
    member_id              uuid unique,
    clp_code               text not null,
    skills                 varchar[] not null default '{}',
    capacity               integer not null check (capacity between 1 and 10),
    check_level            text not null,
    check_reference        text,
    check_issued_on        date,
    check_expires_on       date,
    training_completed_on  date,
    status                 text not null check (status in ('ACTIVE', 'INACTIVE')),
    created_at             timestamptz not null,
    version                bigint not null default 0
);
create index mentor_clp_idx on mentor (clp_code, status);

create table cohort (
    id          uuid primary key,
    name        text not null,
    clp_code    text not null,
    starts_on   date not null,
    ends_on     date not null,
    focus       varchar[] not null default '{}',
    created_at  timestamptz not null,
    unique (clp_code, name)
);

create table mentee (
    id           uuid primary key,
    member_id    uuid unique,
    clp_code     text not null,
    goals        varchar[] not null default '{}',
    status       text not null check (status in ('WAITING', 'PAIRED', 'COMPLETED', 'WITHDRAWN')),
    cohort_id    uuid references cohort (id),
    enrolled_at  timestamptz not null,
    version      bigint not null default 0
);
create index mentee_clp_idx on mentee (clp_code, status);

create table pairing (
    id           uuid primary key,
    mentor_id    uuid not null references mentor (id),
    mentee_id    uuid not null references mentee (id),
    status       text not null check (status in ('PROPOSED', 'ACTIVE', 'ENDED')),
    proposed_by  text not null,
    proposed_at  timestamptz not null,
    started_on   date,
    ended_on     date,
    end_reason   text,
    version      bigint not null default 0
);
create index pairing_mentor_idx on pairing (mentor_id, status);
create index pairing_mentee_idx on pairing (mentee_id, status);
-- A mentee has at most one live (proposed or active) pairing.
create unique index pairing_one_live_per_mentee on pairing (mentee_id) where status in ('PROPOSED', 'ACTIVE');

create table mentoring_session (
    id          uuid primary key,
    pairing_id  uuid not null references pairing (id),
    held_on     date not null,
    minutes     integer not null,
    mode        text not null,
    supervised  boolean not null,
    notes       text,
    logged_by   text not null,
    logged_at   timestamptz not null
);
create index mentoring_session_pairing_idx on mentoring_session (pairing_id, held_on);
