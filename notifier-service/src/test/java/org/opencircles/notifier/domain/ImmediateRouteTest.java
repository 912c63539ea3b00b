package org.opencircles.notifier.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.opencircles.events.FollowUpReason;

/** Who hears at once of an immediate follow-up, and the fallbacks for a safeguarding concern. */
class ImmediateRouteTest {

    private static Subscription sub(StaffRole role, String... clps) {
        Subscription s = new Subscription();
        s.recipient = role.wireName() + "-" + String.join("", clps) + "@staff.example";
        s.role = role;
        s.clpCodes = clps;
        return s;
    }

    private static FollowUp followUp(FollowUpReason reason, String clp) {
        FollowUp f = new FollowUp();
        f.reason = reason.name();
        f.clpCode = clp;
        f.assigneeRole = reason.assigneeRole();
        return f;
    }

    private static final Subscription LONDON_LEAD = sub(StaffRole.SAFEGUARDING_LEAD, "DWN", "ISN");
    private static final Subscription NATIONAL_LEAD = sub(StaffRole.SAFEGUARDING_LEAD, "*");
    private static final Subscription DPO = sub(StaffRole.DATA_PROTECTION, "*");

    @Test
    void aConcernGoesToTheLeadsWhoNameItsClpAndNotToTheNationalLead() {
        ImmediateRoute route = ImmediateRoute.of(
                followUp(FollowUpReason.SAFEGUARDING_CONCERN_RAISED, "DWN"),
                List.of(LONDON_LEAD, NATIONAL_LEAD),
                List.of(DPO));
        assertEquals(ImmediateRoute.Via.ROLE, route.via());
        assertEquals(List.of(LONDON_LEAD), route.to());
    }

    @Test
    void aConcernInAClpWithoutALeadGoesToTheNationalLeadThenTheDpoNeverNobodyWhileEitherIsSubscribed() {
        FollowUp cheltenham = followUp(FollowUpReason.SAFEGUARDING_CONCERN_RAISED, "CHT");
        ImmediateRoute national = ImmediateRoute.of(cheltenham, List.of(LONDON_LEAD, NATIONAL_LEAD), List.of(DPO));
        assertEquals(ImmediateRoute.Via.NATIONAL_LEAD, national.via());
        assertEquals(List.of(NATIONAL_LEAD), national.to());

        ImmediateRoute dpo = ImmediateRoute.of(cheltenham, List.of(LONDON_LEAD), List.of(DPO));
        assertEquals(ImmediateRoute.Via.DATA_PROTECTION, dpo.via());
        assertEquals(List.of(DPO), dpo.to());

        ImmediateRoute nobody = ImmediateRoute.of(cheltenham, List.of(LONDON_LEAD), List.of());
        assertEquals(ImmediateRoute.Via.NOBODY, nobody.via());
        assertEquals(List.of(), nobody.to());
    }

    @Test
    void anotherImmediateFollowUpGoesToItsRoleInItsClpWithNoFallback() {
        Subscription youthDwn = sub(StaffRole.YOUTH_OFFICER, "DWN");
        Subscription youthAll = sub(StaffRole.YOUTH_OFFICER, "*");
        ImmediateRoute route = ImmediateRoute.of(
                followUp(FollowUpReason.MENTEE_WAITING, "DWN"), List.of(youthDwn, youthAll), List.of(DPO));
        assertEquals(ImmediateRoute.Via.ROLE, route.via());
        assertEquals(List.of(youthDwn, youthAll), route.to());
        assertEquals(
                ImmediateRoute.Via.NOBODY,
                ImmediateRoute.of(followUp(FollowUpReason.MENTEE_WAITING, "CHT"), List.of(youthDwn), List.of(DPO))
                        .via());
    }
}
