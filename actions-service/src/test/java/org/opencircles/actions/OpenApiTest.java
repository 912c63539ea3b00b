package org.opencircles.actions;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
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
        // A success documented beside the problems keeps its body: the one page shape of the list.
        assertThat(api.successSchema("get", "/commitments", "200"), containsString("PageView"));
        assertThat(api.statuses("post", "/follow-ups/{id}/done"), hasItems("200", "400", "404", "409"));
        assertThat(api.statuses("post", "/commitments/{id}/progress"), hasItems("200", "400", "404", "422"));
        assertThat(api.statuses("get", "/dashboard"), hasItems("200", "400", "401", "403"));
    }
}
