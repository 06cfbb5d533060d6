package io.tandem.platform.web;

import io.tandem.platform.problem.Problem;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;

import java.util.Arrays;
import java.util.List;

/**
 * Clients generated from the OpenAPI document send {@code Accept: application/problem+json} alone when an
 * operation's success has no body (204: every DELETE, logout), since problems are its only answers with a media
 * type. JAX-RS would refuse that with 406 (the resources produce application/json), so such a call could never
 * succeed. A request that accepts nothing but problem+json therefore accepts JSON as well; any other Accept stays.
 */
@Provider
@PreMatching
public class ProblemOnlyAccept implements ContainerRequestFilter {

    @Override
    public void filter(ContainerRequestContext request) {
        List<String> accept = request.getHeaders().get(HttpHeaders.ACCEPT);
        if (accept != null && !accept.isEmpty() && accept.stream().flatMap(value -> Arrays.stream(value.split(",")))
                .map(type -> type.replaceFirst(";.*", "").trim()).allMatch(Problem.MEDIA_TYPE::equalsIgnoreCase)) {
            request.getHeaders().add(HttpHeaders.ACCEPT, MediaType.APPLICATION_JSON);
        }
    }
}
