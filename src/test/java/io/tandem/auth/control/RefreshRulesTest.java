package io.tandem.auth.control;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.Properties;

import static io.tandem.auth.control.RefreshRules.Verdict.IDLE_EXPIRED;
import static io.tandem.auth.control.RefreshRules.Verdict.REPEAT_SUCCESSOR;
import static io.tandem.auth.control.RefreshRules.Verdict.REUSED;
import static io.tandem.auth.control.RefreshRules.Verdict.ROTATE;
import static org.junit.jupiter.api.Assertions.assertEquals;

class RefreshRulesTest {

    private static final Instant ISSUED = Instant.parse("2026-01-01T00:00:00Z");
    private static final Duration IDLE = Duration.ofDays(7);

    @Test
    void aFreshTokenRotates() {
        assertEquals(ROTATE, RefreshRules.judge(ISSUED, null, ISSUED.plusSeconds(60), IDLE, Duration.ZERO));
    }

    @Test
    void anIdleTokenHasExpired() {
        assertEquals(IDLE_EXPIRED, RefreshRules.judge(ISSUED, null, ISSUED.plus(IDLE), IDLE, Duration.ZERO));
    }

    @Test
    void withoutAWindowAnyReuseIsTheft() {
        Instant rotated = ISSUED.plusSeconds(60);
        assertEquals(REUSED, RefreshRules.judge(ISSUED, rotated, rotated, IDLE, Duration.ZERO));
    }

    @Test
    void withTheDefaultWindow_twoTabsRefreshingOneTokenBothGetTheSuccessor_aReplayAMinuteLaterIsTheft() throws IOException {
        Duration window = defaultReuseWindow();
        Instant rotated = ISSUED.plusSeconds(60);
        assertEquals(REPEAT_SUCCESSOR, RefreshRules.judge(ISSUED, rotated, rotated.plusSeconds(5), IDLE, window),
                "the slower tab, 5 s behind, must not end the sign-in");
        assertEquals(REUSED, RefreshRules.judge(ISSUED, rotated, rotated.plusSeconds(60), IDLE, window));
    }

    @Test
    void insideTheWindowTheSuccessorIsRepeated_afterItReuseIsTheft() {
        Instant rotated = ISSUED.plusSeconds(60);
        Duration window = Duration.ofSeconds(10);
        assertEquals(REPEAT_SUCCESSOR, RefreshRules.judge(ISSUED, rotated, rotated.plusSeconds(10), IDLE, window));
        assertEquals(REUSED, RefreshRules.judge(ISSUED, rotated, rotated.plusSeconds(11), IDLE, window));
    }

    private static Duration defaultReuseWindow() throws IOException {
        Properties defaults = new Properties();
        try (InputStream in = RefreshRulesTest.class.getResourceAsStream("/META-INF/microprofile-config.properties")) {
            defaults.load(in);
        }
        return Duration.parse(defaults.getProperty("tandem.auth.refresh-reuse-window"));
    }
}
