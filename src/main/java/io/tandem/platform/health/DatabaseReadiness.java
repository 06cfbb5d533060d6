package io.tandem.platform.health;

import io.tandem.platform.db.DatabaseDefinition;
import io.tandem.platform.db.Migrations;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import javax.sql.DataSource;
import java.sql.Connection;

/** Ready only when every migration has run and the database answers. */
@Readiness
@ApplicationScoped
public class DatabaseReadiness implements HealthCheck {

    @Inject
    Migrations migrations;

    @Resource(lookup = DatabaseDefinition.JNDI_NAME)
    DataSource dataSource;

    @Override
    public HealthCheckResponse call() {
        boolean answers;
        try (Connection connection = dataSource.getConnection()) {
            answers = connection.isValid(2);
        } catch (Exception e) {
            answers = false;
        }
        return HealthCheckResponse.named("database")
                .status(answers && migrations.done())
                .withData("migrated", migrations.done())
                .withData("answers", answers)
                .build();
    }
}
