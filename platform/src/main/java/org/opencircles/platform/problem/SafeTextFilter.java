package org.opencircles.platform.problem;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;
import java.util.List;
import java.util.Map;

/** Refuses paths and query parameters the database could not store (NUL, broken characters) with a 400. */
@Provider
@PreMatching
public class SafeTextFilter implements ContainerRequestFilter {

    @Override
    public void filter(ContainerRequestContext request) {
        String pathProblem = SafeText.problem(request.getUriInfo().getPath(true));
        if (pathProblem != null) {
            request.abortWith(
                    ProblemException.invalidField("path", pathProblem).problem().toResponse());
            return;
        }
        for (Map.Entry<String, List<String>> parameter :
                request.getUriInfo().getQueryParameters(true).entrySet()) {
            String nameProblem = SafeText.problem(parameter.getKey());
            if (nameProblem != null) {
                request.abortWith(ProblemException.invalidField("query", nameProblem)
                        .problem()
                        .toResponse());
                return;
            }
            for (String value : parameter.getValue()) {
                String problem = SafeText.problem(value);
                if (problem != null) {
                    request.abortWith(ProblemException.invalidField(parameter.getKey(), problem)
                            .problem()
                            .toResponse());
                    return;
                }
            }
        }
    }
}
