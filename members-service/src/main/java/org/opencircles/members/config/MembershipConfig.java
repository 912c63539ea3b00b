package org.opencircles.members.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Party rules that differ between parties and change over time. */
@ConfigMapping(prefix = "open-circles.membership")
public interface MembershipConfig {

    /** Youngest age at which someone may join (Labour: 14). */
    @WithDefault("14")
    int minimumJoiningAge();

    /** Months in arrears after which an active member lapses. */
    @WithDefault("6")
    int arrearsGraceMonths();

    /** How often members past the arrears grace period are lapsed (an event-time check also runs on every update). */
    @WithDefault("1h")
    Duration lapseSweepInterval();
}
