-- The words behind a status change stay here; member.status-changed v2 carries a reason code only.
alter table member add column status_reason text;
