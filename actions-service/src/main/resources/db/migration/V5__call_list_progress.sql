-- How far each call list has been worked (counts only, from call-list.progressed), for the dashboard's story.
create table call_list_projection (
    list_id   uuid primary key,
    clp_code  text not null,
    total     integer not null,
    done      integer not null
);
create index call_list_projection_clp_idx on call_list_projection (clp_code);

create trigger call_list_projection_figures_ins after insert on call_list_projection referencing new table as new_rows
    for each statement execute function clp_figures_stale_new();
create trigger call_list_projection_figures_upd after update on call_list_projection
    referencing old table as old_rows new table as new_rows
    for each statement execute function clp_figures_stale_both();
create trigger call_list_projection_figures_del after delete on call_list_projection referencing old table as old_rows
    for each statement execute function clp_figures_stale_old();

alter table clp_figures add column call_lists_open bigint not null default 0;
alter table clp_figures add column call_list_members bigint not null default 0;
alter table clp_figures add column call_list_done bigint not null default 0;
