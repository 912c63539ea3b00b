-- What another service kept about an erased member because the law requires it (e.g. safeguarding concerns, kept
-- minimised): shown with the erasure record. Codes and counts only.
create table erasure_retention (
    member_id    uuid not null,
    service      text not null,
    record_type  text not null,
    count        integer not null,
    basis        text not null,
    noted_at     timestamptz not null,
    primary key (member_id, service, record_type)
);
