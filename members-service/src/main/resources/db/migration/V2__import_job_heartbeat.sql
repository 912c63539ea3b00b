-- Which replica runs an import and when it last said so: a starting or sweeping replica marks an import
-- INTERRUPTED only when its heartbeat has gone stale, never one that another live replica is running.
alter table import_job add column owner text;
alter table import_job add column heartbeat_at timestamptz;
update import_job set heartbeat_at = coalesce(started_at, created_at);
