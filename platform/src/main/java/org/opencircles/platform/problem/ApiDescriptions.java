package org.opencircles.platform.problem;

/**
 * The sentences every service's OpenAPI document uses for the same answer, written once so they say the same thing
 * everywhere ({@code @APIResponse(responseCode = "404", description = ApiDescriptions.NOT_FOUND_IN_SCOPE)}).
 */
public final class ApiDescriptions {

    public static final String NOT_SIGNED_IN = "Not signed in";
    public static final String NOT_ALLOWED = "The caller's role or CLPs do not allow this";
    public static final String NOT_FOUND_IN_SCOPE =
            "Not found, or not in the caller's CLPs (whether it exists elsewhere is not said)";
    public static final String BAD_FIELD = "A field is missing or wrong (problem+json naming it)";
    public static final String BAD_ID_OR_PAGE = "The id, page or size is not valid (problem+json naming it)";
    public static final String BAD_FILTER_OR_PAGE = "A filter, page or size is not valid (problem+json naming it)";
    public static final String ERASED = "The member was erased";

    private ApiDescriptions() {}
}
