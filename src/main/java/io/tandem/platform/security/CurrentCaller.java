package io.tandem.platform.security;

import io.tandem.platform.problem.Problem;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;

import java.util.Optional;

/** The caller of the current request, for services that record who did something. */
@RequestScoped
public class CurrentCaller {

    @Inject
    HttpServletRequest request;

    public Optional<Caller> find() {
        return Optional.ofNullable(Caller.of(request));
    }

    /** The caller; a 401 problem when the request is anonymous. */
    public Caller get() {
        return find().orElseThrow(() -> Problem.authenticationRequired().toException());
    }
}
