-- members-service schema: CLPs, wards, members, contact log, imports, erasure records; the outbox, inbox and
-- access audit tables come from platform's db/platform migration.

create table clp (
    code        text primary key,
    name        text not null unique,
    region      text not null,
    created_at  timestamptz not null default now()
);

create table ward (
    code        text primary key,
    clp_code    text not null references clp (code),
    name        text not null,
    created_at  timestamptz not null default now(),
    unique (clp_code, name)
);
create index ward_clp_idx on ward (clp_code);

create table member (
    id                       uuid primary key,
    membership_number        text unique,
    first_name               text,
    last_name                text,
    email                    text,
    phone                    text,
    postcode                 text,
    date_of_birth            date,
    clp_code                 text not null references clp (code),
    ward_code                text not null references ward (code),
    status                   text not null check (status in ('ACTIVE', 'LAPSED', 'RESIGNED')),
    joined_on                date not null,
    status_changed_on        date not null,
    arrears_since            date,
    roles                    varchar[] not null default '{}',
    interests                varchar[] not null default '{}',
    consent_email            boolean not null default false,
    consent_phone            boolean not null default false,
    consent_sms              boolean not null default false,
    guardian_name            text,
    guardian_email           text,
    guardian_phone           text,
    guardian_consent_on      date,
    last_contacted_at        timestamptz,
    wants_to_get_involved_at timestamptz,
    erased_at                timestamptz,
    version                  bigint not null default 0,
    created_at               timestamptz not null,
    updated_at               timestamptz not null
);
create index member_clp_status_idx on member (clp_code, status) where erased_at is null;
create index member_ward_idx on member (ward_code) where erased_at is null;
create index member_last_contacted_idx on member (clp_code, last_contacted_at) where erased_at is null;
create index member_dob_idx on member (date_of_birth) where erased_at is null;
create index member_interests_idx on member using gin (interests);
create index member_arrears_idx on member (arrears_since) where status = 'ACTIVE' and arrears_since is not null;
create index member_name_idx on member (last_name, first_name, id);

create table contact_log (
    id          uuid primary key,
    member_id   uuid not null references member (id),
    kind        text not null,
    notes       text,
    logged_by   text not null,
    logged_at   timestamptz not null
);
create index contact_log_member_idx on contact_log (member_id, logged_at desc);

create table import_job (
    id              uuid primary key,
    file_name       text,
    status          text not null,
    requested_by    text not null,
    allowed_clps    text[],
    total_rows      integer,
    processed_rows  integer not null default 0,
    created_rows    integer not null default 0,
    updated_rows    integer not null default 0,
    unchanged_rows  integer not null default 0,
    failed_rows     integer not null default 0,
    message         text,
    created_at      timestamptz not null,
    started_at      timestamptz,
    finished_at     timestamptz
);

create table import_row_error (
    id                 bigserial primary key,
    job_id             uuid not null references import_job (id),
    line_number        integer not null,
    membership_number  text,
    field              text not null,
    reason             text not null
);
create index import_row_error_job_idx on import_row_error (job_id, line_number);

-- Who erased whom and when; ids only, so the record itself holds no personal data.
create table erasure_record (
    id            uuid primary key,
    member_id     uuid not null,
    requested_by  text not null,
    reference     text,
    erased_at     timestamptz not null
);
