package io.tandem.auth.boundary;

import io.tandem.auth.control.LoginThrottle;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;

/** The node's two login throttles: one per username, a more lenient one per client address. */
@ApplicationScoped
public class LoginThrottles {

    @Inject
    @ConfigProperty(name = "tandem.auth.throttle.max-failures")
    int maxFailures;

    @Inject
    @ConfigProperty(name = "tandem.auth.throttle.address-max-failures")
    int addressMaxFailures;

    @Inject
    @ConfigProperty(name = "tandem.auth.throttle.window")
    Duration window;

    @Inject
    @ConfigProperty(name = "tandem.auth.throttle.base-delay")
    Duration baseDelay;

    @Inject
    @ConfigProperty(name = "tandem.auth.throttle.max-delay")
    Duration maxDelay;

    private LoginThrottle byUsername;
    private LoginThrottle byAddress;

    @PostConstruct
    void init() {
        byUsername = new LoginThrottle(maxFailures, window, baseDelay, maxDelay);
        byAddress = new LoginThrottle(addressMaxFailures, window, baseDelay, maxDelay);
    }

    public LoginThrottle byUsername() {
        return byUsername;
    }

    public LoginThrottle byAddress() {
        return byAddress;
    }
}
