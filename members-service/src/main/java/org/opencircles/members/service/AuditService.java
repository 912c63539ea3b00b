package org.opencircles.members.service;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.opencircles.members.domain.ErasureRecord;
import org.opencircles.members.domain.ErasureRetention;
import org.opencircles.platform.audit.PersonalDataAccess;
import org.opencircles.platform.page.PageView;
import org.opencircles.platform.page.Paging;

/** The data-protection officer's reads: who accessed a member's data in any service, and the erasures done. */
@ApplicationScoped
public class AuditService {

    /** An erasure with what other services kept on a legal basis. */
    public record Erasure(ErasureRecord record, List<ErasureRetention> retained) {}

    /** One page of the accesses to a member's data, newest first. */
    @Transactional
    public PageView<PersonalDataAccess> access(UUID memberId, Paging paging) {
        var query = PersonalDataAccess.<PersonalDataAccess>find(
                "subjectType = 'member' and array_contains(subjectIds, ?1)",
                Sort.descending("accessedAt").and("id", Sort.Direction.Descending),
                memberId.toString());
        return paging.read(query);
    }

    /** One page of the erasures, newest first, each with its retention notices (one query for the page). */
    @Transactional
    public PageView<Erasure> erasures(Paging paging) {
        var query =
                ErasureRecord.<ErasureRecord>findAll(Sort.descending("erasedAt").and("id"));
        PageView<ErasureRecord> records = paging.read(query);
        Map<UUID, List<ErasureRetention>> kept = records.items().isEmpty()
                ? Map.of()
                : ErasureRetention.<ErasureRetention>list(
                                "memberId in ?1",
                                records.items().stream().map(r -> r.memberId).toList())
                        .stream()
                        .collect(Collectors.groupingBy(k -> k.memberId));
        return records.map(r -> new Erasure(r, kept.getOrDefault(r.memberId, List.of())));
    }
}
