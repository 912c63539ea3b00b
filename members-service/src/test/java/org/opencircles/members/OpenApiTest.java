package org.opencircles.members;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasItems;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
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
        assertThat(api.successSchema("get", "/members", "200"), containsString("PageView"));
        assertThat(api.statuses("post", "/members"), hasItems("201", "400", "401", "403", "409"));
        assertThat(api.statuses("put", "/members/{id}"), hasItems("200", "400", "404", "410", "412"));
        assertThat(api.statuses("post", "/imports"), hasItems("202", "400", "409", "413"));
        assertThat(
                api.statuses("get", "/clps"),
                hasItems(List.of("200", "400", "401", "403").toArray(String[]::new)));
    }
}
