package org.opencircles.actions.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;

/**
 * How the organiser's page signs staff in: the OpenID Connect authorization code flow with PKCE against the identity
 * provider that issues the services' tokens, as the public client {@code open-circles-web}.
 */
@ConfigMapping(prefix = "open-circles.sign-in")
public interface SignInConfig {

    /** The realm's issuer URL, as browsers reach it (the authorization and logout endpoints hang off it). */
    @WithDefault("${mp.jwt.verify.issuer}")
    String issuer();

    /** The token endpoint as this service reaches it, where that differs from the browser's view (containers). */
    Optional<String> tokenUrl();

    @WithDefault("open-circles-web")
    String clientId();
}
