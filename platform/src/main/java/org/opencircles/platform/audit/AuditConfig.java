package org.opencircles.platform.audit;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Where the audit of personal-data access goes. */
@ConfigMapping(prefix = "open-circles.audit")
public interface AuditConfig {

    /**
     * Whether this service also sends each audit record (ids only) to members-service on {@code personal-data-access},
     * so the DPO sees every service's in one place. Every service but members-service sets it.
     */
    @WithDefault("false")
    boolean forwardToCentral();
}
