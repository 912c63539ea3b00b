-- notifier-service: who on the staff hears about what, the follow-ups and commitments they hear about (ids, codes and
-- dates only: no member's personal data ever reaches this service), and every email it means to send.

-- A member of staff subscribed to the follow-ups of a role in some CLPs ('*' for all of them).
create table subscription (
    id            uuid primary key,
    recipient     varchar(254) not null,
    display_name  varchar(120) not null,
    role          varchar(30)  not null,
    clp_codes     text[]       not null,
    quiet_from    time,
    quiet_until   time,
    time_zone     varchar(64)  not null,
    created_at    timestamptz  not null,
    created_by    varchar(120) not null,
    updated_at    timestamptz  not null,
    version       bigint       not null default 0,
    constraint subscription_once unique (recipient, role),
    constraint subscription_quiet check ((quiet_from is null) = (quiet_until is null))
);
create index subscription_clps on subscription using gin (clp_codes);

-- The follow-ups actions-service published, open until follow-up.closed.
create table follow_up (
    id             uuid primary key,
    reason         varchar(60)  not null,
    subject_type   varchar(30)  not null,
    subject_id     uuid         not null,
    clp_code       varchar(20)  not null,
    assignee_role  varchar(30)  not null,
    due_at         timestamptz  not null,
    received_at    timestamptz  not null,
    closed_at      timestamptz,
    resolution     varchar(20)
);
create index follow_up_open on follow_up (clp_code, due_at) where closed_at is null;

-- Commitments in a CLP, for the digest's figures: kind, due date and status, never the title.
create table commitment (
    id             uuid primary key,
    clp_code       varchar(20)  not null,
    kind           varchar(30)  not null,
    status         varchar(20)  not null,
    due_on         date,
    target_pence   bigint,
    raised_pence   bigint
);
create index commitment_clp on commitment (clp_code);

-- Every email the notifier means to send, recorded (with its idempotency key) before it is sent.
create table email (
    id               uuid primary key,
    idempotency_key  varchar(200) not null unique,
    kind             varchar(20)  not null,
    subscription_id  uuid         not null,
    recipient        varchar(254) not null,
    subject          varchar(250) not null,
    body             text         not null,
    follow_up_id     uuid,
    status           varchar(20)  not null,
    attempts         integer      not null default 0,
    not_before       timestamptz  not null,
    claimed_at       timestamptz,
    claimed_by       varchar(120),
    last_error       varchar(500),
    created_at       timestamptz  not null,
    sent_at          timestamptz
);
create index email_pending on email (not_before) where status = 'PENDING';
create index email_claimed on email (claimed_at) where status = 'SENDING';
create index email_follow_up on email (follow_up_id) where follow_up_id is not null;
create index email_created on email (created_at desc, id);

-- One digest per subscription and local day, whether or not there was anything to send (replicas agree on this row).
create table digest (
    subscription_id  uuid    not null,
    digest_date      date    not null,
    follow_ups       integer not null,
    email_id         uuid,
    composed_at      timestamptz not null,
    primary key (subscription_id, digest_date)
);
