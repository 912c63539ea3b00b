package org.opencircles.members.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import org.opencircles.events.MemberPayloads;
import org.opencircles.events.MembershipStatus;
import org.opencircles.members.domain.ContactLogEntry;
import org.opencircles.members.domain.Member;
import org.opencircles.platform.outbox.Outbox;

/** Turns member changes into minimised events on {@code member-events}, through the outbox. */
@ApplicationScoped
public class MemberEvents {

    @Inject
    Outbox outbox;

    public void joined(Member m) {
        outbox.publish(
                new MemberPayloads.Joined(
                        m.id,
                        m.clpCode,
                        m.wardCode,
                        m.status.name(),
                        m.joinedOn,
                        m.adultOn(),
                        m.youthUntil(),
                        m.guardianConsentOn != null),
                m.id);
    }

    /** One {@code member.joined} per member, written together (an import chunk). */
    public void joinedAll(List<Member> members) {
        outbox.publishAll(
                members.stream()
                        .map(m -> new MemberPayloads.Joined(
                                m.id,
                                m.clpCode,
                                m.wardCode,
                                m.status.name(),
                                m.joinedOn,
                                m.adultOn(),
                                m.youthUntil(),
                                m.guardianConsentOn != null))
                        .toList(),
                MemberPayloads.Joined::memberId);
    }

    public void updated(Member m) {
        outbox.publish(snapshot(m), m.id);
    }

    /** What other services project of a member; an update is published only when this changes. */
    public static MemberPayloads.Updated snapshot(Member m) {
        return new MemberPayloads.Updated(
                m.id, m.clpCode, m.wardCode, m.adultOn(), m.youthUntil(), m.guardianConsentOn != null);
    }

    public void statusChanged(Member m, MembershipStatus from, String reasonCode) {
        outbox.publish(
                new MemberPayloads.StatusChanged(m.id, m.clpCode, from.name(), m.status.name(), reasonCode), m.id);
    }

    public void contactLogged(Member m, ContactLogEntry entry) {
        outbox.publish(new MemberPayloads.ContactLogged(m.id, m.clpCode, entry.kind.name(), entry.loggedAt), m.id);
    }

    public void erased(Member m, Instant at) {
        outbox.publish(new MemberPayloads.Erased(m.id, at), m.id);
    }
}
