package org.opencircles.actions.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.opencircles.actions.config.SignInConfig;
import org.opencircles.platform.problem.Problem;
import org.opencircles.platform.problem.ProblemException;

/**
 * Signs staff in to the organiser's page with the authorization code flow and PKCE (RFC 7636): the browser is sent to
 * the identity provider with a challenge, comes back with a code, and this service trades the code and its verifier
 * for the person's access token, which then travels only in an HttpOnly cookie.
 */
@ApplicationScoped
public class StaffSignIn {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    @Inject
    SignInConfig config;

    @Inject
    ObjectMapper json;

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

    /** A sign-in under way: what the browser must bring back (state) and keep secret (verifier). */
    public record Started(String state, String verifier, URI authorize) {}

    /** A signed-in person's access token, how long it lasts, and the ID token that later ends their session. */
    public record Session(String accessToken, long expiresInSeconds, String idToken) {}

    /** Starts a sign-in that returns to {@code redirect}. */
    public Started start(URI redirect) {
        String state = randomToken();
        String verifier = randomToken() + randomToken();
        URI authorize = URI.create(config.issuer() + "/protocol/openid-connect/auth?"
                + form(Map.of(
                        "response_type",
                        "code",
                        "client_id",
                        config.clientId(),
                        "redirect_uri",
                        redirect.toString(),
                        "scope",
                        "openid",
                        "state",
                        state,
                        "code_challenge",
                        challenge(verifier),
                        "code_challenge_method",
                        "S256")));
        return new Started(state, verifier, authorize);
    }

    /** Trades the code the identity provider returned for the person's token; 401 if it refuses. */
    public Session exchange(String code, String verifier, URI redirect) {
        String tokenUrl = config.tokenUrl().orElse(config.issuer() + "/protocol/openid-connect/token");
        HttpRequest request = HttpRequest.newBuilder(URI.create(tokenUrl))
                .timeout(TIMEOUT)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(Map.of(
                        "grant_type",
                        "authorization_code",
                        "code",
                        code,
                        "redirect_uri",
                        redirect.toString(),
                        "client_id",
                        config.clientId(),
                        "code_verifier",
                        verifier))))
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new ProblemException(Problem.of(
                        401,
                        "sign-in-refused",
                        "Sign-in refused",
                        "The identity provider did not accept the sign-in; please sign in again",
                        null));
            }
            JsonNode body = json.readTree(response.body());
            return new Session(
                    body.path("access_token").asText(),
                    body.path("expires_in").asLong(300),
                    body.path("id_token").asText(null));
        } catch (IOException e) {
            throw new IllegalStateException("The identity provider cannot be reached at " + tokenUrl, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Where to send the browser to end the identity provider's session too, then come back to {@code returnTo}. */
    public URI signOut(URI returnTo, String idToken) {
        Map<String, String> fields = new LinkedHashMap<>(
                Map.of("client_id", config.clientId(), "post_logout_redirect_uri", returnTo.toString()));
        if (idToken != null && !idToken.isBlank()) {
            // With the hint the identity provider ends the session without asking the person to confirm.
            fields.put("id_token_hint", idToken);
        }
        return URI.create(config.issuer() + "/protocol/openid-connect/logout?" + form(fields));
    }

    static String challenge(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String randomToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String form(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
