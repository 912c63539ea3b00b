package org.opencircles.actions.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.opencircles.actions.service.StaffSignIn;
import org.opencircles.platform.problem.ProblemException;

/** Signing in to (and out of) the organiser's page through the identity provider. */
@Path("/organiser")
@Tag(name = "Organiser page")
public class SignInResource {

    /** The cookie that carries the signed-in person's access token (HttpOnly: page scripts never see it). */
    public static final String SESSION_COOKIE = "oc_session";

    private static final String SIGN_IN_COOKIE = "oc_sign_in";
    /** The ID token, kept only to end the identity provider's session on sign-out (sent to that path alone). */
    private static final String ID_HINT_COOKIE = "oc_id_hint";

    private static final String SIGN_OUT_PATH = "/organiser/sign-out";

    @Inject
    StaffSignIn signIn;

    @Context
    UriInfo uri;

    @GET
    @Path("/sign-in")
    @Operation(summary = "Start signing in: to the identity provider, with PKCE")
    public Response start(@QueryParam("return") String returnTo) {
        StaffSignIn.Started started = signIn.start(callback());
        // The state, the verifier and where to go afterwards wait in a short-lived HttpOnly cookie.
        NewCookie pending = cookie(
                SIGN_IN_COOKIE,
                started.state() + "." + started.verifier() + "." + safeReturn(returnTo),
                600,
                "/organiser");
        return Response.seeOther(started.authorize()).cookie(pending).build();
    }

    @GET
    @Path("/callback")
    @Operation(summary = "The identity provider's answer: trade the code for the person's token")
    public Response callback(
            @QueryParam("code") String code,
            @QueryParam("state") String state,
            @QueryParam("error") String error,
            @CookieParam(SIGN_IN_COOKIE) String pending) {
        String[] parts = pending == null ? new String[0] : pending.split("\\.", 3);
        if (error != null || code == null || state == null || parts.length != 3 || !parts[0].equals(state)) {
            throw ProblemException.forbidden("This sign-in did not start here or has expired; please sign in again");
        }
        StaffSignIn.Session session = signIn.exchange(code, parts[1], callback());
        // The cookie lapses just before the token does: an expired token is never sent, and the page signs in again.
        NewCookie token =
                cookie(SESSION_COOKIE, session.accessToken(), Math.max(1, (int) session.expiresInSeconds() - 10), "/");
        Response.ResponseBuilder back =
                Response.seeOther(URI.create(parts[2])).cookie(token, cookie(SIGN_IN_COOKIE, "", 0, "/organiser"));
        if (session.idToken() != null) {
            back.cookie(cookie(ID_HINT_COOKIE, session.idToken(), 12 * 3600, SIGN_OUT_PATH));
        }
        return back.build();
    }

    @GET
    @Path("/sign-out")
    @Operation(summary = "Sign out here and at the identity provider")
    public Response signOut(@CookieParam(ID_HINT_COOKIE) String idToken) {
        return Response.seeOther(
                        signIn.signOut(uri.getBaseUriBuilder().path("organiser").build(), idToken))
                .cookie(cookie(SESSION_COOKIE, "", 0, "/"), cookie(ID_HINT_COOKIE, "", 0, SIGN_OUT_PATH))
                .build();
    }

    private URI callback() {
        return uri.getBaseUriBuilder().path("organiser/callback").build();
    }

    /** Only a path on the organiser's page: never a redirect to another site. */
    public static String safeReturn(String returnTo) {
        if (returnTo == null
                || !returnTo.startsWith("/organiser")
                || returnTo.startsWith("//")
                || returnTo.contains("\\")) {
            return "/organiser";
        }
        return returnTo;
    }

    private NewCookie cookie(String name, String value, int maxAge, String path) {
        return new NewCookie.Builder(name)
                .value(value)
                .path(path)
                .maxAge(maxAge)
                .httpOnly(true)
                .secure("https".equals(uri.getBaseUri().getScheme()))
                .sameSite(NewCookie.SameSite.LAX)
                .build();
    }
}
