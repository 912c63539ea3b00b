package org.opencircles.members.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.opencircles.members.domain.CallList;
import org.opencircles.members.service.CallListService;

/** A call list and how far it has been worked. */
public record CallListView(
        UUID id,
        String name,
        String clpCode,
        CallList.Channel channel,
        String assignedTo,
        String createdBy,
        Instant createdAt,
        Map<String, Object> filter,
        long total,
        long done) {

    public static CallListView of(CallListService.Progress p, ObjectMapper json) {
        CallList l = p.list();
        Map<String, Object> filter;
        try {
            filter = json.readValue(l.filter, new TypeReference<Map<String, Object>>() {});
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A saved filter is JSON written by this service", e);
        }
        return new CallListView(
                l.id,
                l.name,
                l.clpCode,
                l.channel,
                l.assignedTo,
                l.createdBy,
                l.createdAt,
                filter,
                p.total(),
                p.done());
    }
}
