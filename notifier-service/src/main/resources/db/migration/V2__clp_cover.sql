-- What the notifier last told other services (safeguarding.cover-changed) about each CLP's safeguarding cover: a
-- change against this is published once, through the outbox.
create table clp_cover (
    clp_code   varchar(20) primary key,
    own_lead   boolean     not null,
    fallback   varchar(20),
    changed_at timestamptz not null
);
