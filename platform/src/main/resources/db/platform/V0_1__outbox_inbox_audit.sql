-- Tables behind the platform module's entities, in every service's database: the transactional outbox, the
-- processed-event inbox and the personal-data access audit. Services list db/platform in quarkus.flyway.locations.

-- Pooled by 50 so Hibernate can batch outbox inserts during large imports.
create sequence outbox_event_seq increment by 50;
create table outbox_event (
    seq           bigint primary key,
    event_id      uuid not null unique,
    topic         text not null,
    aggregate_id  text not null,
    type          text not null,
    envelope      jsonb not null,
    created_at    timestamptz not null
);

create table processed_event (
    event_id      uuid not null,
    consumer      text not null,
    type          text not null,
    processed_at  timestamptz not null,
    primary key (event_id, consumer)
);

create sequence personal_data_access_seq increment by 50;
create table personal_data_access (
    id            bigint primary key,
    accessed_at   timestamptz not null,
    principal     text not null,
    subject_type  text not null,
    subject_id    text not null,
    action        text not null
);
create index personal_data_access_subject_idx on personal_data_access (subject_type, subject_id, accessed_at);
