package org.opencircles.members.rest;

import java.time.Instant;
import java.util.UUID;
import org.opencircles.members.domain.CallListEntry;
import org.opencircles.members.service.CallListService;

/**
 * One member to contact: who they are, and the one route consent allows on the list's channel (a minor's parent or
 * guardian, never the minor's own number or address).
 */
public record CallListEntryView(
        UUID memberId,
        String membershipNumber,
        String memberName,
        String wardCode,
        CallListService.Route contactVia,
        String contactName,
        String phone,
        String email,
        CallListEntry.Outcome outcome,
        Instant outcomeAt,
        String outcomeBy) {

    public static CallListEntryView of(CallListService.Row r) {
        return new CallListEntryView(
                r.member().id,
                r.member().membershipNumber,
                r.member().firstName + " " + r.member().lastName,
                r.member().wardCode,
                r.route(),
                r.contactName(),
                r.phone(),
                r.email(),
                r.entry().outcome,
                r.entry().outcomeAt,
                r.entry().outcomeBy);
    }
}
