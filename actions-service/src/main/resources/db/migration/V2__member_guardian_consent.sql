-- What a follow-up for a young member's missing guardian consent needs: when they stop being a minor, and whether a
-- parent or guardian has consented (from member.joined / member.updated; no dates of birth).
alter table member_projection add column adult_on date;
alter table member_projection add column guardian_consent boolean not null default false;
