package org.opencircles.actions.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** When follow-ups fall due; each CLP's patience is a party decision, so none of it is hard-coded. */
@ConfigMapping(prefix = "open-circles.follow-ups")
public interface FollowUpConfig {

    /** A new member with no contact logged within this long gets a follow-up for their CLP secretary. */
    @WithDefault("P14D")
    Duration newMemberContactWithin();

    /** A member who said they want to get involved and is not contacted within this long gets a follow-up. */
    @WithDefault("P7D")
    Duration involvedContactWithin();

    /** How long before a commitment's due date its owners' secretary is reminded. */
    @WithDefault("P3D")
    Duration commitmentReminderLead();

    /** A mentee waiting for a mentor longer than this gets a follow-up for the youth officer. */
    @WithDefault("P14D")
    Duration menteeWaitLimit();

    /** How often the due table is checked; a follow-up opens at most this long after it falls due. */
    @WithDefault("1s")
    Duration checkInterval();
}
