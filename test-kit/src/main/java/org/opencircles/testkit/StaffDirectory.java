package org.opencircles.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The demo staff, read from the identity provider's realm file ({@code keycloak/open-circles-realm.json}), so tests
 * sign in as exactly the people a running system has: their user names and realm roles (roles and clp: scopes).
 */
public final class StaffDirectory {

    public static final String REALM_FILE = "keycloak/open-circles-realm.json";
    /** The notifier signs in with client credentials; its token names its service account. */
    public static final String NOTIFIER = "notifier";

    private static final String NOTIFIER_ACCOUNT = "service-account-open-circles-notifier";

    private static Map<String, List<String>> roles;

    private StaffDirectory() {}

    /** Every demo person (and {@code notifier}) with their realm roles, in the realm file's order. */
    public static synchronized Map<String, List<String>> roles() {
        if (roles == null) {
            Map<String, List<String>> byUser = new LinkedHashMap<>();
            for (JsonNode user : realm().path("users")) {
                String name = user.path("username").asText();
                List<String> granted = new ArrayList<>();
                user.path("realmRoles").forEach(r -> granted.add(r.asText()));
                byUser.put(NOTIFIER_ACCOUNT.equals(name) ? NOTIFIER : name, List.copyOf(granted));
            }
            roles = Map.copyOf(byUser);
        }
        return roles;
    }

    /** The user name a token carries for {@code person}: the notifier's is its service account's. */
    public static String principal(String person) {
        return NOTIFIER.equals(person) ? NOTIFIER_ACCOUNT : person;
    }

    /** The realm file, found from the module's directory upwards (tests run in a module of the repository). */
    public static JsonNode realm() {
        Path dir = Path.of(System.getProperty("opencircles.repo.root", ".")).toAbsolutePath();
        for (; dir != null; dir = dir.getParent()) {
            Path file = dir.resolve(REALM_FILE);
            if (Files.exists(file)) {
                try {
                    return new ObjectMapper().readTree(file.toFile());
                } catch (IOException e) {
                    throw new IllegalStateException("Cannot read " + file, e);
                }
            }
        }
        throw new IllegalStateException(
                REALM_FILE + " not found above " + Path.of(".").toAbsolutePath());
    }
}
