package org.opencircles.notifier;

import org.junit.jupiter.api.Test;
import org.opencircles.testkit.Layering;

/** The layering rules (test-kit's {@link Layering}) hold for notifier-service's classes. */
class LayeringTest {

    @Test
    void layersDependDownwardOnly() {
        Layering.check("org.opencircles.notifier");
    }
}
