-- The envelope is kept as the text the service wrote and the relay sends, byte for byte: nothing queries inside it,
-- and as jsonb every event was parsed when written and printed again when relayed (an import writes 500,000).
alter table outbox_event alter column envelope type text using envelope::text;
