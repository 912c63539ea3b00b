-- Repeatable: the live definition of the dashboard's stale marks:
-- any write to a table the figures come from marks its CLPs in clp_figures_stale (statement-level triggers, so an
-- import's COPY marks each CLP once). Entities affected: MemberProjection, MenteeProjection, Commitment, FollowUp,
-- CallListProjection. Flyway reruns this file whenever it
-- changes, after the versioned migrations (which keep the history of how it came to be). Functions are replaced in
-- place; each trigger is dropped and created again by name, so a name found here is the trigger in the database.

create or replace function clp_figures_stale_new() returns trigger language plpgsql as $$
begin
    insert into clp_figures_stale (clp_code, marked_at)
        select distinct clp_code, now() from new_rows order by 1
        on conflict (clp_code) do update set marked_at = excluded.marked_at;
    return null;
end $$;

create or replace function clp_figures_stale_old() returns trigger language plpgsql as $$
begin
    insert into clp_figures_stale (clp_code, marked_at)
        select distinct clp_code, now() from old_rows order by 1
        on conflict (clp_code) do update set marked_at = excluded.marked_at;
    return null;
end $$;

create or replace function clp_figures_stale_both() returns trigger language plpgsql as $$
begin
    insert into clp_figures_stale (clp_code, marked_at)
        select c, now() from (select clp_code as c from new_rows union select clp_code from old_rows) changed order by 1
        on conflict (clp_code) do update set marked_at = excluded.marked_at;
    return null;
end $$;

drop trigger if exists member_projection_figures_ins on member_projection;
create trigger member_projection_figures_ins after insert on member_projection referencing new table as new_rows
    for each statement execute function clp_figures_stale_new();
drop trigger if exists member_projection_figures_upd on member_projection;
create trigger member_projection_figures_upd after update on member_projection referencing old table as old_rows new table as new_rows
    for each statement execute function clp_figures_stale_both();
drop trigger if exists member_projection_figures_del on member_projection;
create trigger member_projection_figures_del after delete on member_projection referencing old table as old_rows
    for each statement execute function clp_figures_stale_old();

drop trigger if exists mentee_projection_figures_ins on mentee_projection;
create trigger mentee_projection_figures_ins after insert on mentee_projection referencing new table as new_rows
    for each statement execute function clp_figures_stale_new();
drop trigger if exists mentee_projection_figures_upd on mentee_projection;
create trigger mentee_projection_figures_upd after update on mentee_projection referencing old table as old_rows new table as new_rows
    for each statement execute function clp_figures_stale_both();
drop trigger if exists mentee_projection_figures_del on mentee_projection;
create trigger mentee_projection_figures_del after delete on mentee_projection referencing old table as old_rows
    for each statement execute function clp_figures_stale_old();

drop trigger if exists commitment_figures_ins on commitment;
create trigger commitment_figures_ins after insert on commitment referencing new table as new_rows
    for each statement execute function clp_figures_stale_new();
drop trigger if exists commitment_figures_upd on commitment;
create trigger commitment_figures_upd after update on commitment referencing old table as old_rows new table as new_rows
    for each statement execute function clp_figures_stale_both();
drop trigger if exists commitment_figures_del on commitment;
create trigger commitment_figures_del after delete on commitment referencing old table as old_rows
    for each statement execute function clp_figures_stale_old();

drop trigger if exists follow_up_figures_ins on follow_up;
create trigger follow_up_figures_ins after insert on follow_up referencing new table as new_rows
    for each statement execute function clp_figures_stale_new();
drop trigger if exists follow_up_figures_upd on follow_up;
create trigger follow_up_figures_upd after update on follow_up referencing old table as old_rows new table as new_rows
    for each statement execute function clp_figures_stale_both();
drop trigger if exists follow_up_figures_del on follow_up;
create trigger follow_up_figures_del after delete on follow_up referencing old table as old_rows
    for each statement execute function clp_figures_stale_old();

drop trigger if exists call_list_projection_figures_ins on call_list_projection;
create trigger call_list_projection_figures_ins after insert on call_list_projection referencing new table as new_rows
    for each statement execute function clp_figures_stale_new();
drop trigger if exists call_list_projection_figures_upd on call_list_projection;
create trigger call_list_projection_figures_upd after update on call_list_projection referencing old table as old_rows new table as new_rows
    for each statement execute function clp_figures_stale_both();
drop trigger if exists call_list_projection_figures_del on call_list_projection;
create trigger call_list_projection_figures_del after delete on call_list_projection referencing old table as old_rows
    for each statement execute function clp_figures_stale_old();
