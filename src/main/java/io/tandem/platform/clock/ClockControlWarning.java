package io.tandem.platform.clock;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import org.eclipse.microprofile.config.ConfigProvider;

import java.util.logging.Logger;

/** A server whose clock can be moved must never pass unnoticed: say so at every start. */
@Singleton
@Startup
public class ClockControlWarning {

    private static final Logger LOG = Logger.getLogger(ClockControlWarning.class.getName());

    @PostConstruct
    void warn() {
        boolean enabled = ConfigProvider.getConfig().getOptionalValue("tandem.test.clock-control", Boolean.class)
                .orElse(false);
        if (enabled) {
            LOG.warning("tandem.test.clock-control is ON: administrators can move this server's clock through "
                    + "/api/test/clock. Never enable it in production.");
        }
    }
}
