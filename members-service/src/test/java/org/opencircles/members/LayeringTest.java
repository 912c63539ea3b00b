package org.opencircles.members;

import org.junit.jupiter.api.Test;
import org.opencircles.testkit.Layering;

/** The layering rules (test-kit's {@link Layering}) hold for members-service's classes. */
class LayeringTest {

    @Test
    void layersDependDownwardOnly() {
        Layering.check("org.opencircles.members");
    }
}
