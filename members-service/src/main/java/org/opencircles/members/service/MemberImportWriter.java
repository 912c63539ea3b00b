package org.opencircles.members.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.opencircles.events.MemberPayloads;
import org.opencircles.events.MembershipStatus;
import org.opencircles.members.domain.Member;
import org.opencircles.platform.audit.AccessAudit;
import org.opencircles.platform.bulk.BulkInsert;
import org.opencircles.platform.problem.ProblemException;

/** Saves the rows of an import that passed every check, under the same membership rules as a staff member's edit. */
@ApplicationScoped
public class MemberImportWriter {

    /** How saving one row ended. */
    public enum Outcome {
        CREATED,
        UPDATED,
        UNCHANGED
    }

    /** One row of an import that passed every check: what to save, and the member it updates as last read, if any. */
    public record ImportedRow(MemberDetails details, MembershipStatus status, Member existing) {}

    /** Members by surname, then first name, case aside (only where they sit on disk depends on it). */
    private static final Comparator<Member> IN_NAME_ORDER = Comparator.comparing(
                    (Member m) -> m.lastName, Comparator.nullsLast(String.CASE_INSENSITIVE_ORDER))
            .thenComparing(m -> m.firstName, Comparator.nullsLast(String.CASE_INSENSITIVE_ORDER));

    @Inject
    MemberChanges changes;

    @Inject
    MemberEvents events;

    @Inject
    AccessAudit audit;

    @Inject
    BulkInsert bulk;

    /**
     * Saves an import chunk whose rows passed every check, set-based: new members, their {@code member.joined}
     * events and their audit rows each go in with one COPY; members whose row changes something are updated one by
     * one under the same rules as a staff member's edit; the rest are unchanged and not touched.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Map<Outcome, Integer> save(List<ImportedRow> rows, Optional<Set<String>> allowedClps, String actingFor) {
        Map<Outcome, Integer> outcomes = new EnumMap<>(Outcome.class);
        List<Member> created = new ArrayList<>();
        List<ImportedRow> changing = new ArrayList<>();
        for (ImportedRow row : rows) {
            if (row.existing() == null) {
                created.add(changes.newMember(
                        row.details(), row.status() == null ? MembershipStatus.ACTIVE : row.status()));
            } else if (changes.unchanged(row.existing(), row.details(), row.status())) {
                outcomes.merge(Outcome.UNCHANGED, 1, Integer::sum);
            } else {
                changing.add(row);
            }
        }
        if (!created.isEmpty()) {
            // An import's search entries wait in the trigram index's pending list and are merged in large batches:
            // 32 MB of them at a time read 43% fewer of the index's pages than PostgreSQL's default 4 MB (100,000 rows
            // into the loaded national system, bench/national-more.sh). Other writers keep the list short
            // (new-connection-sql), because every search reads all of it (4 MB made a two-word search 8.5 ms instead
            // of 2 ms at 500,000): searches run during a large import are slower until it ends and merges the list.
            Member.getEntityManager()
                    .createNativeQuery("set local gin_pending_list_limit = '32MB'")
                    .executeUpdate();
            // Written in name order: the rows land on the heap in the order they are copied, so a chunk's members of
            // one surname share a page or two. Search reads every member it matches (to sort and count them); at
            // 500,000 imported in file order "smith" found 5,964 members on 5,212 pages, in name order on 474.
            bulk.rows(
                    "member",
                    Member.COLUMNS,
                    created.stream()
                            .sorted(IN_NAME_ORDER)
                            .map(Member::columnValues)
                            .toList());
            events.joinedAll(created);
            audit.recordAs(
                    actingFor,
                    "CREATE",
                    "member",
                    created.stream().map(m -> m.id).toList());
            outcomes.put(Outcome.CREATED, created.size());
        }
        if (!changing.isEmpty()) {
            Map<String, Member> current = Member.<Member>list(
                            "membershipNumber in ?1",
                            changing.stream()
                                    .map(r -> r.existing().membershipNumber)
                                    .toList())
                    .stream()
                    .collect(Collectors.toMap(m -> m.membershipNumber, m -> m));
            for (ImportedRow row : changing) {
                Member member = current.get(row.existing().membershipNumber);
                if (member == null
                        || allowedClps.isPresent() && !allowedClps.get().contains(member.clpCode)) {
                    // Checked when the chunk was read; only a member erased or moved meanwhile gets here.
                    throw new IllegalStateException("A member of this chunk changed while it was imported");
                }
                outcomes.merge(update(row.details(), row.status(), member, actingFor), 1, Integer::sum);
            }
        }
        return outcomes;
    }

    /** Updates one member from a row that passed every check. */
    private Outcome update(MemberDetails request, MembershipStatus status, Member existing, String actingFor) {
        boolean changed = changes.apply(existing, request);
        if (status != null && status != existing.status) {
            if (!existing.status.next().contains(status)) {
                // Checked per row before the import's transaction; here only if the member changed meanwhile.
                throw ProblemException.ruleBroken(
                        "status-transition", "status", "a " + existing.status + " member cannot become " + status);
            }
            changes.move(existing, status, MemberPayloads.LIST_IMPORT, "membership list import");
            changed = true;
        }
        if (changed) {
            audit.recordAs(actingFor, "UPDATE", "member", List.of(existing.id));
        }
        return changed ? Outcome.UPDATED : Outcome.UNCHANGED;
    }
}
