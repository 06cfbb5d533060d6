package io.tandem.auth.control;

import java.time.Duration;
import java.time.Instant;

/** What presenting a known refresh token means, given its state and the clock. */
public final class RefreshRules {

    public enum Verdict {
        /** Current and fresh: rotate it. */
        ROTATE,
        /** Just rotated, and the retry is inside the reuse window: answer with the same successor. */
        REPEAT_SUCCESSOR,
        /** Rotated before and presented again: treat as theft, revoke the family. */
        REUSED,
        /** Unused for longer than the idle timeout. */
        IDLE_EXPIRED
    }

    private RefreshRules() {
    }

    public static Verdict judge(Instant issuedAt, Instant rotatedAt, Instant now, Duration idleTimeout,
                                Duration reuseWindow) {
        if (rotatedAt != null) {
            boolean insideWindow = !reuseWindow.isZero() && !now.isAfter(rotatedAt.plus(reuseWindow));
            return insideWindow ? Verdict.REPEAT_SUCCESSOR : Verdict.REUSED;
        }
        return now.isBefore(issuedAt.plus(idleTimeout)) ? Verdict.ROTATE : Verdict.IDLE_EXPIRED;
    }
}
