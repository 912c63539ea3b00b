-- The DPO's one place: members-service keeps every service's audit rows, marked with the service they came from.
alter table personal_data_access add column service text;
