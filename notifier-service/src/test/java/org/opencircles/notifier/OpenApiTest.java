package org.opencircles.notifier;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasItems;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.opencircles.testkit.ApiDocument;

/** The OpenAPI document tells a client every problem+json status it may meet. */
@QuarkusTest
class OpenApiTest {

    @Test
    void everyOperationDocumentsItsProblems() {
        ApiDocument api = ApiDocument.served();
        assertThat(api.breaches(), empty());
        assertThat(api.statuses("post", "/subscriptions"), hasItems("201", "400", "401", "403", "409"));
        assertThat(api.statuses("post", "/emails/{id}/resend"), hasItems("200", "404"));
    }
}
