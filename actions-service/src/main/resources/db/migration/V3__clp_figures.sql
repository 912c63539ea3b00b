-- Each CLP's dashboard figures, kept so that a national dashboard over 650 CLPs and 500,000 members reads 650 rows
-- instead of counting the projections per request. Any write to the tables the figures come from marks its CLPs
-- stale (statement-level triggers); a read recomputes the
-- stale ones (and any computed on an earlier day, as "joined in the last 30 days" and "overdue" move with the date)
-- before answering, so figures are never older than the last committed write.
create table clp_figures (
    clp_code                    text primary key,
    computed_on                 date not null,
    active_members              bigint not null,
    joined_last_30_days         bigint not null,
    new_not_contacted           bigint not null,
    waiting_to_get_involved     bigint not null,
    committed                   bigint not null,
    in_progress                 bigint not null,
    done                        bigint not null,
    dropped                     bigint not null,
    commitments_overdue         bigint not null,
    raised_pence                bigint not null,
    target_pence                bigint not null,
    mentees_waiting             bigint not null,
    oldest_waiting_since        timestamptz,
    pairings_active             bigint not null,
    pairings_suspended          bigint not null,
    open_follow_ups             bigint not null,
    contact_follow_ups_overdue  bigint not null
);

-- One row per CLP whose figures a write has changed since they were last computed. A writer upserts its CLPs' rows
-- (so it holds them until it commits), and a recompute deletes the rows it takes in one statement and computes in
-- the next: a write still in flight makes the delete wait for its commit, so the computation that follows sees it.
create table clp_figures_stale (
    clp_code   text primary key,
    marked_at  timestamptz not null
);

create function clp_figures_stale_new() returns trigger language plpgsql as $$
begin
    insert into clp_figures_stale (clp_code, marked_at)
        select distinct clp_code, now() from new_rows order by 1
        on conflict (clp_code) do update set marked_at = excluded.marked_at;
    return null;
end $$;

create function clp_figures_stale_old() returns trigger language plpgsql as $$
begin
    insert into clp_figures_stale (clp_code, marked_at)
        select distinct clp_code, now() from old_rows order by 1
        on conflict (clp_code) do update set marked_at = excluded.marked_at;
    return null;
end $$;

create function clp_figures_stale_both() returns trigger language plpgsql as $$
begin
    insert into clp_figures_stale (clp_code, marked_at)
        select c, now() from (select clp_code as c from new_rows union select clp_code from old_rows) changed order by 1
        on conflict (clp_code) do update set marked_at = excluded.marked_at;
    return null;
end $$;

do $$
declare t text;
begin
    foreach t in array array['member_projection', 'mentee_projection', 'commitment', 'follow_up'] loop
        execute format('create trigger %I after insert on %I referencing new table as new_rows
                        for each statement execute function clp_figures_stale_new()', t || '_figures_ins', t);
        execute format('create trigger %I after update on %I referencing old table as old_rows new table as new_rows
                        for each statement execute function clp_figures_stale_both()', t || '_figures_upd', t);
        execute format('create trigger %I after delete on %I referencing old table as old_rows
                        for each statement execute function clp_figures_stale_old()', t || '_figures_del', t);
    end loop;
end $$;

-- Every CLP with data so far starts stale.
insert into clp_figures_stale (clp_code, marked_at)
    select clp_code, now() from member_projection union select clp_code, now() from commitment
    union select clp_code, now() from mentee_projection union select clp_code, now() from follow_up;
