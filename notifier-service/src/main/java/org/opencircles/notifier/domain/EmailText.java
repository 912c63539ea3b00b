package org.opencircles.notifier.domain;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.opencircles.events.FollowUpReason;

/**
 * The words of the notifier's emails, from ids, codes and dates alone: who the member or mentee is stays behind the
 * link, in the services that hold personal data and audit who opens it.
 */
public final class EmailText {

    /** At most this many follow-ups are linked per reason and CLP in a digest; the rest are counted. */
    static final int LINKS_PER_GROUP = 20;

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.UK);
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm", Locale.UK);

    /** A subject line and a plain-text body. */
    public record Text(String subject, String body) {}

    /** What a CLP's commitments add up to, for the digest. */
    public record CommitmentFigures(String clpCode, int open, int overdue, long targetPence, long raisedPence) {}

    private EmailText() {}

    /** The sentence that says what is waiting, for a reason this build knows, or a plain one for a newer reason. */
    public static String describe(String reason) {
        FollowUpReason known = FollowUpReason.valueOfOrNull(reason);
        if (known == null) {
            return "A follow-up needs attention (" + reason + ")";
        }
        return known.sentence();
    }

    /** The email sent at once about one safeguarding follow-up. */
    public static Text immediate(FollowUp followUp, Subscription to, String linkBase) {
        return immediate(followUp, to, linkBase, ImmediateRoute.Via.ROLE);
    }

    /** The same, saying so when it reaches {@code to} as a fallback for a CLP that no safeguarding lead covers. */
    public static Text immediate(FollowUp followUp, Subscription to, String linkBase, ImmediateRoute.Via via) {
        String what = describe(followUp.reason);
        String subject = "[Open Circles] Safeguarding, " + followUp.clpCode + ": " + what;
        String fallback = via.fallback()
                ? "No safeguarding lead covers " + followUp.clpCode + ": it reaches you as "
                        + via.words + ". Please act on it now, and ask your admin to give " + followUp.clpCode
                        + " a safeguarding lead.\n\n"
                : "";
        String body = "Hello " + to.displayName + ",\n\n"
                + fallback
                + what + " in " + followUp.clpCode + ".\n"
                + "Due: " + WHEN.format(followUp.dueAt.atZone(to.zone())) + " (" + to.timeZone + ")\n\n"
                + "Open it in Open Circles: " + link(linkBase, followUp) + "\n"
                + "Reference: follow-up " + followUp.id + ", " + followUp.subjectType + " " + followUp.subjectId
                + "\n\n"
                + footer(to);
        return new Text(subject, body);
    }

    /** The morning digest: what is open for {@code to} on {@code day}, by CLP and reason, and their CLPs' commitments. */
    public static Text digest(
            Subscription to, LocalDate day, List<FollowUp> open, List<CommitmentFigures> commitments, String linkBase) {
        StringBuilder body =
                new StringBuilder("Good morning ").append(to.displayName).append(",\n\n");
        body.append(open.size() == 1 ? "1 follow-up is" : open.size() + " follow-ups are")
                .append(" open for you on ")
                .append(DAY.format(day))
                .append(".\n");
        Map<String, Map<String, List<FollowUp>>> byClp = open.stream()
                .collect(Collectors.groupingBy(
                        f -> f.clpCode,
                        TreeMap::new,
                        Collectors.groupingBy(f -> f.reason, TreeMap::new, Collectors.toList())));
        byClp.forEach((clp, byReason) -> {
            body.append("\n").append(clp).append("\n");
            byReason.forEach((reason, items) -> {
                List<FollowUp> sorted = items.stream()
                        .sorted(Comparator.comparing((FollowUp f) -> f.dueAt).thenComparing(f -> f.id))
                        .toList();
                body.append("  ")
                        .append(describe(reason))
                        .append(": ")
                        .append(items.size())
                        .append("\n");
                sorted.stream()
                        .limit(LINKS_PER_GROUP)
                        .forEach(f -> body.append("    - due ")
                                .append(WHEN.format(f.dueAt.atZone(to.zone())))
                                .append("  ")
                                .append(link(linkBase, f))
                                .append("\n"));
                if (sorted.size() > LINKS_PER_GROUP) {
                    body.append("    ... and ")
                            .append(sorted.size() - LINKS_PER_GROUP)
                            .append(" more\n");
                }
            });
        });
        if (!commitments.isEmpty()) {
            body.append("\nCommitments\n");
            commitments.stream()
                    .sorted(Comparator.comparing(CommitmentFigures::clpCode))
                    .forEach(c -> {
                        body.append("  ")
                                .append(c.clpCode())
                                .append(": ")
                                .append(c.open())
                                .append(" open, ")
                                .append(c.overdue())
                                .append(" overdue");
                        if (c.targetPence() > 0) {
                            body.append("; fundraising ")
                                    .append(pounds(c.raisedPence()))
                                    .append(" of ")
                                    .append(pounds(c.targetPence()));
                        }
                        body.append("\n");
                    });
        }
        body.append("\n").append(footer(to));
        String subject = "[Open Circles] " + (open.size() == 1 ? "1 open follow-up" : open.size() + " open follow-ups")
                + " for you, " + DAY.format(day);
        return new Text(subject, body.toString());
    }

    static String pounds(long pence) {
        return String.format(Locale.UK, "£%,d", pence / 100);
    }

    private static String link(String linkBase, FollowUp f) {
        return linkBase + "/organiser/follow-ups/" + f.id;
    }

    private static String footer(Subscription to) {
        return "You receive this as " + to.role.wireName() + " for "
                + String.join(", ", to.clpCodes).replace(Subscription.ALL_CLPS, "every CLP")
                + ". Ask your Open Circles admin to change it.\n";
    }
}
