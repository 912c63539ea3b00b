-- What an operator did with each record of the service's dead-letter topic (the record itself stays on the topic).
-- A record with no row here is open: counted in open_circles_dead_letters_open and alerted on.
create table dead_letter_resolution (
    dlq_partition  integer     not null,
    dlq_offset     bigint      not null,
    action         text        not null check (action in ('REPLAYED', 'DISCARDED')),
    -- For a replay: APPLIED, ALREADY_APPLIED or UNKNOWN_TYPE. For a discard: null.
    outcome        text,
    -- Why it was discarded, in the operator's words (about the message, never a person).
    reason         text,
    resolved_by    text        not null,
    resolved_at    timestamptz not null,
    primary key (dlq_partition, dlq_offset)
);

-- Outbox rows the broker refused for good (too large, invalid): kept with the reason, out of the relay's way, so the
-- rows behind them keep flowing; counted in open_circles_outbox_parked and alerted on.
create table outbox_parked (
    seq          bigint      primary key,
    event_id     uuid        not null unique,
    topic        text        not null,
    aggregate_id text        not null,
    message_key  text        not null,
    type         text        not null,
    envelope     text        not null,
    created_at   timestamptz not null,
    parked_at    timestamptz not null,
    reason       text        not null
);
