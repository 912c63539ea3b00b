-- One row per access, naming every subject it touched: a page of a search (20 to 200 members), an import chunk (2,000).
-- A row per subject put each of them in a B-tree keyed by subject id at a random place, so every search wrote as many
-- index entries on as many pages as it showed members (1.2 ms of PostgreSQL's time per search of 14, under load at
-- 500,000 members). The subjects are found again through a GIN index on the array, whose new entries are appended to
-- its pending list and merged in bulk; only the data protection officer reads by subject.
alter table personal_data_access add column subject_ids varchar[];
update personal_data_access set subject_ids = array[subject_id];
alter table personal_data_access alter column subject_ids set not null;
drop index personal_data_access_subject_idx;
alter table personal_data_access drop column subject_id;
-- Its own pending-list size: a session may set a smaller one for another index (members-service does, for search's).
create index personal_data_access_subjects_idx on personal_data_access using gin (subject_ids)
    with (gin_pending_list_limit = 4096);
