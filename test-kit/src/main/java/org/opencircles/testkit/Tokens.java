package org.opencircles.testkit;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.util.KeyUtils;
import java.security.PrivateKey;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Bearer tokens for {@code @QuarkusTest}s, shaped like the realm's (issuer, audience, realm roles, user name) and
 * signed with the test-only key that the test profile trusts. The end-to-end tests sign in through Keycloak instead.
 */
public final class Tokens {

    /** The issuer the test profile expects (platform's microprofile-config.properties). */
    public static final String ISSUER = "https://sign-in.test.open-circles.invalid/realms/open-circles";

    public static final String AUDIENCE = "open-circles";

    private static PrivateKey key;

    private Tokens() {}

    /** A token for a demo person (or {@code notifier}) with the roles the realm gives them. */
    public static String of(String person) {
        List<String> roles = StaffDirectory.roles().get(person);
        if (roles == null) {
            throw new IllegalArgumentException("No demo person " + person + " in " + StaffDirectory.REALM_FILE);
        }
        return of(StaffDirectory.principal(person), roles);
    }

    /** A token for any user name and realm roles, e.g. a role the realm does not give anyone. */
    public static String of(String userName, List<String> roles) {
        return Jwt.issuer(ISSUER)
                .audience(AUDIENCE)
                .subject(UUID.nameUUIDFromBytes(userName.getBytes()).toString())
                .claim("preferred_username", userName)
                .claim("realm_access", Map.of("roles", roles))
                .expiresIn(3600)
                .sign(key());
    }

    /** A token that is right in every way but its issuer: the services must refuse it. */
    public static String fromAnotherIssuer(String person) {
        return Jwt.issuer("https://impostor.example/realms/open-circles")
                .audience(AUDIENCE)
                .subject(person)
                .claim("preferred_username", person)
                .claim("realm_access", Map.of("roles", StaffDirectory.roles().get(person)))
                .expiresIn(3600)
                .sign(key());
    }

    private static synchronized PrivateKey key() {
        if (key == null) {
            try {
                key = KeyUtils.readPrivateKey("opencircles-test/privateKey.pem");
            } catch (Exception e) {
                throw new IllegalStateException("Cannot read the test signing key", e);
            }
        }
        return key;
    }
}
