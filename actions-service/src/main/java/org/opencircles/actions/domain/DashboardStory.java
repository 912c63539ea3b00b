package org.opencircles.actions.domain;

import java.util.ArrayList;
import java.util.List;

/** The sentences an organiser reads on the dashboard: what a CLP's figures mean, worst news first. */
public final class DashboardStory {

    private DashboardStory() {}

    /** A CLP without a safeguarding lead of its own is the worst news there is: it comes first. */
    public static List<String> withCoverGap(List<String> story, String clp, String fallback) {
        String instead = switch (fallback) {
            case "NATIONAL_LEAD" -> "they go to the national safeguarding lead instead";
            case "DATA_PROTECTION" -> "they go to the data protection officer instead";
            default -> "nobody is emailed about them";
        };
        List<String> lines = new ArrayList<>();
        lines.add(clp + " has no safeguarding lead of its own: " + instead
                + ". Ask your admin to name one for its young members' safety.");
        lines.addAll(story.stream()
                .filter(l -> !l.startsWith("Nothing is waiting on anyone"))
                .toList());
        return lines;
    }

    /** What the figures mean, worst news first, so an organiser knows where to act. */
    public static List<String> of(ClpFigures f) {
        List<String> lines = new ArrayList<>();
        if (f.contactFollowUpsOverdue() > 0) {
            lines.add(f.contactFollowUpsOverdue() + " member(s) who joined or asked to get involved have waited too "
                    + "long for a call: these are the people who say the party is a closed shop.");
        }
        if (f.joinedLast30Days() > 0) {
            lines.add(f.joinedLast30Days() + " joined in the last 30 days; " + f.newMembersNotYetContacted()
                    + " of them (" + percent(f.newMembersNotYetContacted(), f.joinedLast30Days())
                    + ") have not been contacted yet.");
        }
        if (f.waitingToGetInvolved() > 0) {
            lines.add(f.waitingToGetInvolved()
                    + " member(s) said they want to get involved and are waiting to hear back.");
        }
        if (f.callListsOpen() > 0) {
            lines.add(f.callListsOpen() + " call list(s) being worked: " + f.callListDone() + " of "
                    + f.callListMembers() + " members done (" + percent(f.callListDone(), f.callListMembers()) + ").");
        }
        if (f.commitmentsOverdue() > 0) {
            lines.add(f.commitmentsOverdue() + " commitment(s) are past their due date and not done.");
        }
        if (f.completionRatePercent() != null) {
            lines.add(f.commitmentsByStatus().get("DONE") + " commitment(s) done: " + f.completionRatePercent()
                    + "% of those not dropped.");
        }
        if (f.targetPence() > 0) {
            lines.add(String.format(
                    "£%,.2f raised of a £%,.2f target (%s).",
                    f.raisedPence() / 100.0, f.targetPence() / 100.0, percent(f.raisedPence(), f.targetPence())));
        }
        if (f.menteesWaiting() > 0) {
            lines.add(f.menteesWaiting() + " young member(s) are waiting for a mentor"
                    + (f.longestMenteeWaitDays() != null && f.longestMenteeWaitDays() > 0
                            ? ", the longest for " + f.longestMenteeWaitDays() + " day(s)."
                            : "."));
        }
        if (f.pairingsSuspended() > 0) {
            lines.add(f.pairingsSuspended() + " mentoring pairing(s) are suspended while a safeguarding concern is "
                    + "looked into.");
        }
        if (f.pairingsActive() > 0) {
            lines.add(f.pairingsActive() + " mentoring pairing(s) are active.");
        }
        if (lines.isEmpty()) {
            lines.add("Nothing is waiting on anyone: no overdue contacts, commitments or mentees.");
        }
        return lines;
    }

    private static String percent(long part, long whole) {
        return whole == 0 ? "0%" : Math.round(100.0 * part / whole) + "%";
    }
}
