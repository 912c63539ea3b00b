-- A pairing suspended while a safeguarding concern is looked into: the mentee is neither paired nor waiting.
alter table mentee_projection drop constraint mentee_projection_status_check;
alter table mentee_projection add constraint mentee_projection_status_check
    check (status in ('WAITING', 'PAIRED', 'SUSPENDED', 'WITHDRAWN'));
