package io.tandem.auth.boundary;

import io.tandem.auth.entity.User;
import io.tandem.platform.Roles;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * First start: creates the administrator. The password comes from {@code tandem.admin.password}
 * ({@code TANDEM_ADMIN_PASSWORD}); without one a random password is generated and printed once.
 */
@Singleton
@Startup
@DependsOn({"Migrations", "TokenKeys"})
public class AdminBootstrap {

    private static final Logger LOG = Logger.getLogger(AdminBootstrap.class.getName());
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

    @PersistenceContext
    EntityManager em;

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
        long existing = em.createNamedQuery(User.COUNT, Long.class).getSingleResult();
        if (existing > 0) {
            return;
        }
        String chosen = password.filter(p -> !p.isBlank()).orElse(null);
        String actual = chosen != null ? chosen : generated();
        em.persist(Users.register(em, passwords, clock, new Users.NewUser(username, actual, "Tandem", "Administrator", List.of(Roles.ADMIN))));
        if (chosen == null) {
            // Printed once, by design: the operator needs it to sign in the first time.
            LOG.warning("Created administrator '" + username + "' with generated password: " + actual
                    + "  (set TANDEM_ADMIN_PASSWORD to choose it; change it after signing in)");
        } else {
            LOG.info(() -> "Created administrator '" + username + "' with the configured password.");
        }
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
