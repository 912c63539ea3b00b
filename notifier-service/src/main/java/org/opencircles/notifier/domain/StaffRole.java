package org.opencircles.notifier.domain;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import org.opencircles.events.FollowUpReason;
import org.opencircles.platform.security.Roles;

/** The staff roles that follow-ups are assigned to, as they appear in tokens and on the follow-ups topic. */
public enum StaffRole {
    SECRETARY(Roles.SECRETARY),
    /** Oversees CLPs: hears of every follow-up in them except safeguarding concerns, which are the lead's alone. */
    ORGANISER(Roles.ORGANISER),
    YOUTH_OFFICER(Roles.YOUTH_OFFICER),
    SAFEGUARDING_LEAD(Roles.SAFEGUARDING_LEAD),
    /**
     * The data protection officer: assigned nothing, so in no digest; the last fallback for a safeguarding concern
     * in a CLP that neither a local nor a national safeguarding lead covers (see {@link ImmediateRoute}).
     */
    DATA_PROTECTION(Roles.DATA_PROTECTION);

    private final String wireName;

    StaffRole(String wireName) {
        this.wireName = wireName;
    }

    @JsonValue
    public String wireName() {
        return wireName;
    }

    /** The role named {@code value} (its wire name, or the constant's name), or null if none is. */
    @JsonCreator
    public static StaffRole fromWire(String value) {
        return Arrays.stream(values())
                .filter(r -> r.wireName.equalsIgnoreCase(value) || r.name().equalsIgnoreCase(value))
                .findFirst()
                .orElse(null);
    }

    /** Whether a holder of this role is told about a follow-up assigned to {@code assigneeRole} for {@code reason}. */
    public boolean hears(String assigneeRole, FollowUpReason reason) {
        if (wireName.equals(assigneeRole)) {
            return true;
        }
        return this == ORGANISER && (reason == null || !reason.safeguardingLeadOnly());
    }
}
