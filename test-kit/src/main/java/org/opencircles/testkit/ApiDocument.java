package org.opencircles.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.RestAssured;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** A running service's OpenAPI document, and the rules every operation in it must keep. */
public final class ApiDocument {

    private static final List<String> METHODS = List.of("get", "put", "post", "delete", "patch");

    private final JsonNode document;

    private ApiDocument(JsonNode document) {
        this.document = document;
    }

    /** The document the service under test serves. */
    public static ApiDocument served() {
        try {
            return new ApiDocument(new ObjectMapper()
                    .readTree(RestAssured.get("/q/openapi?format=json")
                            .then()
                            .statusCode(200)
                            .extract()
                            .asString()));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * What breaks the rules: each operation documents a success, 401 and 403 (every operation needs a signed-in
     * person with a role), and every error it documents is problem+json. Empty when all is well.
     */
    public List<String> breaches() {
        List<String> breaches = new ArrayList<>();
        operations().forEach((name, op) -> {
            JsonNode responses = op.path("responses");
            boolean success = false;
            for (Iterator<String> codes = responses.fieldNames(); codes.hasNext(); ) {
                String code = codes.next();
                success |= code.startsWith("2") || code.startsWith("3");
                if ((code.startsWith("4") || code.startsWith("5"))
                        && responses
                                .path(code)
                                .path("content")
                                .path("application/problem+json")
                                .isMissingNode()) {
                    breaches.add(name + " " + code + " is not application/problem+json");
                }
            }
            if (!success) {
                breaches.add(name + " documents no success response");
            }
            for (String code : List.of("401", "403")) {
                if (responses.path(code).isMissingNode()) {
                    breaches.add(name + " does not document " + code);
                }
            }
        });
        return breaches;
    }

    /** The statuses one operation documents, e.g. {@code statuses("post", "/members")}. */
    public List<String> statuses(String method, String path) {
        List<String> codes = new ArrayList<>();
        document.path("paths")
                .path(path)
                .path(method)
                .path("responses")
                .fieldNames()
                .forEachRemaining(codes::add);
        return codes;
    }

    /** The JSON schema (a {@code $ref} or a type) of one operation's success response, or null if it has none. */
    public String successSchema(String method, String path, String code) {
        JsonNode schema = document.path("paths")
                .path(path)
                .path(method)
                .path("responses")
                .path(code)
                .path("content")
                .path("application/json")
                .path("schema");
        if (schema.has("$ref")) {
            return schema.get("$ref").asText();
        }
        return schema.has("type") ? schema.get("type").asText() : null;
    }

    private Map<String, JsonNode> operations() {
        Map<String, JsonNode> ops = new TreeMap<>();
        document.path("paths")
                .fields()
                .forEachRemaining(path -> METHODS.forEach(method -> {
                    if (path.getValue().has(method)) {
                        ops.put(
                                method.toUpperCase(Locale.ROOT) + " " + path.getKey(),
                                path.getValue().get(method));
                    }
                }));
        return ops;
    }
}
