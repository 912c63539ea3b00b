-- Each CLP's dashboard figures, kept so that a national dashboard over 650 CLPs and 500,000 members reads 650 rows
-- instead of counting the projections per request. Any write to the tables the figures come from marks its CLPs
-- stale (statement-level triggers, so an import's batch of 500 events marks each CLP once); a read recomputes the
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

-- Append-only (no key, so writers never wait on each other); a recompute deletes the rows it has dealt with.
create table clp_figures_stale (
    clp_code  text not null
);
create index clp_figures_stale_clp_idx on clp_figures_stale (clp_code);

create function clp_figures_stale_new() returns trigger language plpgsql as $$
begin
    insert into clp_figures_stale (clp_code) select distinct clp_code from new_rows;
    return null;
end $$;

create function clp_figures_stale_old() returns trigger language plpgsql as $$
begin
    insert into clp_figures_stale (clp_code) select distinct clp_code from old_rows;
    return null;
end $$;

create function clp_figures_stale_both() returns trigger language plpgsql as $$
begin
    insert into clp_figures_stale (clp_code)
        select clp_code from new_rows union select clp_code from old_rows;
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
insert into clp_figures_stale (clp_code)
    select clp_code from member_projection union select clp_code from commitment
    union select clp_code from mentee_projection union select clp_code from follow_up;
