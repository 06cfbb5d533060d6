package io.tandem.auth.control;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows down password guessing. Each key (a username, an address) may fail {@code maxFailures} times within
 * {@code window}; after that it is blocked for {@code baseDelay}, doubling with each further failure up to
 * {@code maxDelay}. A success clears the key. Kept per node in memory: several nodes each throttle on their own,
 * which only makes guessing slower, never wrongly faster.
 */
public final class LoginThrottle {

    private static final int MAX_KEYS = 100_000;

    private final int maxFailures;
    private final Duration window;
    private final Duration baseDelay;
    private final Duration maxDelay;
    private final Map<String, Failures> failures = new ConcurrentHashMap<>();

    public LoginThrottle(int maxFailures, Duration window, Duration baseDelay, Duration maxDelay) {
        if (maxFailures < 1) {
            throw new IllegalArgumentException("maxFailures must be at least 1");
        }
        this.maxFailures = maxFailures;
        this.window = window;
        this.baseDelay = baseDelay;
        this.maxDelay = maxDelay;
    }

    record Failures(int count, Instant first, Instant blockedUntil) {
    }

    /** How long the key must still wait, if it is blocked now. */
    public Optional<Duration> blockedFor(String key, Instant now) {
        Failures known = failures.get(key);
        if (known == null || known.blockedUntil() == null || !now.isBefore(known.blockedUntil())) {
            return Optional.empty();
        }
        return Optional.of(Duration.between(now, known.blockedUntil()));
    }

    public void recordFailure(String key, Instant now) {
        if (failures.size() >= MAX_KEYS) {
            failures.values().removeIf(f -> now.isAfter(f.first().plus(window))
                    && (f.blockedUntil() == null || now.isAfter(f.blockedUntil())));
        }
        failures.compute(key, (k, known) -> {
            Failures current = known == null || now.isAfter(known.first().plus(window))
                    && (known.blockedUntil() == null || !now.isBefore(known.blockedUntil()))
                    ? new Failures(0, now, null) : known;
            int count = current.count() + 1;
            Instant blockedUntil = count >= maxFailures ? now.plus(delayAfter(count)) : null;
            return new Failures(count, current.first(), blockedUntil);
        });
    }

    public void recordSuccess(String key) {
        failures.remove(key);
    }

    /** The block after the n-th failure: base, 2·base, 4·base … capped. */
    Duration delayAfter(int count) {
        int doublings = Math.min(count - maxFailures, 30);
        Duration delay = baseDelay.multipliedBy(1L << doublings);
        return delay.compareTo(maxDelay) > 0 ? maxDelay : delay;
    }
}
