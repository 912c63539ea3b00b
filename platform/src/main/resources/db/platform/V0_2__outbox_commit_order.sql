-- Outbox rows are numbered by the database at insert time, one sequence value at a time, instead of from blocks of
-- 50 that each replica pooled: a transaction that starts after another committed always numbers its events after
-- that one's, whichever replica runs it, so the relay's "order by seq" is the order in which things happened.
alter table outbox_event drop constraint outbox_event_pkey;
alter table outbox_event drop constraint outbox_event_event_id_key;
alter table outbox_event add primary key (event_id);
alter sequence outbox_event_seq increment by 1;
alter table outbox_event alter column seq set default nextval('outbox_event_seq');
create unique index outbox_event_seq_idx on outbox_event (seq);

-- The Kafka key, which is the aggregate id except for steps of a mentee's journey (keyed by the mentee).
alter table outbox_event add column message_key text;
update outbox_event set message_key = aggregate_id;
alter table outbox_event alter column message_key set not null;
