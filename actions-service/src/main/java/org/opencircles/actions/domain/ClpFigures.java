package org.opencircles.actions.domain;

import java.util.List;
import java.util.Map;

/** An organiser's figures for one CLP, and the story they tell in plain sentences ({@link DashboardStory}). */
public record ClpFigures(
        String clpCode,
        long activeMembers,
        long joinedLast30Days,
        long newMembersNotYetContacted,
        long contactFollowUpsOverdue,
        long waitingToGetInvolved,
        Map<String, Long> commitmentsByStatus,
        long commitmentsOverdue,
        Integer completionRatePercent,
        long raisedPence,
        long targetPence,
        long menteesWaiting,
        Long longestMenteeWaitDays,
        long pairingsActive,
        long pairingsSuspended,
        long openFollowUps,
        long callListsOpen,
        long callListMembers,
        long callListDone,
        List<String> story) {

    public ClpFigures withStory(List<String> lines) {
        return new ClpFigures(
                clpCode,
                activeMembers,
                joinedLast30Days,
                newMembersNotYetContacted,
                contactFollowUpsOverdue,
                waitingToGetInvolved,
                commitmentsByStatus,
                commitmentsOverdue,
                completionRatePercent,
                raisedPence,
                targetPence,
                menteesWaiting,
                longestMenteeWaitDays,
                pairingsActive,
                pairingsSuspended,
                openFollowUps,
                callListsOpen,
                callListMembers,
                callListDone,
                List.copyOf(lines));
    }
}
