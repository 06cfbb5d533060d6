package io.tandem.auth.boundary;

import io.tandem.auth.control.FirstAdministrator;
import io.tandem.platform.db.DatabaseDefinition;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import javax.sql.DataSource;
import java.security.SecureRandom;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * First start: creates the administrator. The password comes from {@code tandem.admin.password}
 * ({@code TANDEM_ADMIN_PASSWORD}); without one a random password is generated and printed once. Several nodes
 * starting on one empty database create it once between them ({@link FirstAdministrator}); none fails to start.
 */
@Singleton
@Startup
@DependsOn({"Migrations", "TokenKeys"})
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class AdminBootstrap {

    private static final Logger LOG = Logger.getLogger(AdminBootstrap.class.getName());
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

    @Resource(lookup = DatabaseDefinition.JNDI_NAME)
    DataSource dataSource;

    @Inject
    Passwords passwords;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "tandem.admin.username")
    String username;

    @Inject
    @ConfigProperty(name = "tandem.admin.password")
    Optional<String> password;

    @PostConstruct
    void createAdministratorOnFirstStart() {
        String chosen = password.filter(p -> !p.isBlank()).orElse(null);
        String actual = chosen != null ? chosen : generated();
        FirstAdministrator.Outcome outcome;
        try {
            outcome = FirstAdministrator.createIfNoUsers(dataSource::getConnection, username,
                    () -> hashForNewAdministrator(actual), clock.instant());
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create the first administrator", e);
        }
        if (outcome == FirstAdministrator.Outcome.ALREADY_THERE) {
            return;
        }
        if (chosen == null) {
            // Printed once, by design: the operator needs it to sign in the first time.
            LOG.warning("Created administrator '" + username + "' with generated password: " + actual
                    + "  (set TANDEM_ADMIN_PASSWORD to choose it; change it after signing in)");
        } else {
            LOG.info(() -> "Created administrator '" + username + "' with the configured password.");
        }
    }

    /** Checked only when the administrator is really created: later starts ignore these settings. */
    private String hashForNewAdministrator(String chosenOrGenerated) {
        Users.requireValidUsername(username);
        return passwords.hash(passwords.requireAcceptable("tandem.admin.password", chosenOrGenerated));
    }

    private static String generated() {
        SecureRandom random = new SecureRandom();
        StringBuilder password = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            password.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return password.toString();
    }
}
