-- Repeatable: the live definition of a safeguarding concern's history: what was raised, and every entry
-- after it, can be added to but never changed or deleted. Entities affected: Concern, ConcernEntry. Flyway reruns this file whenever it
-- changes, after the versioned migrations (which keep the history of how it came to be). Functions are replaced in
-- place; each trigger is dropped and created again by name, so a name found here is the trigger in the database.

create or replace function concern_entry_is_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'the history of a safeguarding concern cannot be changed, only added to'
        using errcode = 'P0001';
end $$;

-- The raise itself (who, when, what, about whom) cannot be rewritten either: only status, outcome, the closing time
-- and, on erasure, the list of members involved change.
create or replace function concern_facts_are_fixed() returns trigger language plpgsql as $$
begin
    if new.id <> old.id or new.clp_code <> old.clp_code or new.subject_type <> old.subject_type
       or new.subject_id <> old.subject_id or new.category <> old.category or new.account <> old.account
       or new.occurred_on <> old.occurred_on or new.raised_by <> old.raised_by or new.raised_at <> old.raised_at then
        raise exception 'what was raised in a safeguarding concern cannot be changed, only added to'
            using errcode = 'P0001';
    end if;
    return new;
end $$;

drop trigger if exists concern_entry_append_only on concern_entry;
create trigger concern_entry_append_only before update or delete on concern_entry
    for each row execute function concern_entry_is_append_only();
drop trigger if exists concern_facts_fixed on concern;
create trigger concern_facts_fixed before update on concern
    for each row execute function concern_facts_are_fixed();
drop trigger if exists concern_not_deleted on concern;
create trigger concern_not_deleted before delete on concern
    for each row execute function concern_entry_is_append_only();
