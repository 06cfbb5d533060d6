package io.tandem.platform.db;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

import java.util.logging.Logger;

/**
 * Brings the schema up to date before anything else touches the database: Flyway owns the schema, JPA never
 * generates DDL. Other startup beans {@code @DependsOn} this one; readiness waits for {@link #done()}.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class Migrations {

    private static final Logger LOG = Logger.getLogger(Migrations.class.getName());

    private volatile boolean done;

    @PostConstruct
    void migrate() {
        MigrateResult result = Flyway.configure(Migrations.class.getClassLoader())
                .dataSource(TandemDataSource.forMigrations())
                .locations("classpath:db/migration")
                .baselineOnMigrate(false)
                .load()
                .migrate();
        LOG.info(() -> "flyway migrations_executed=" + result.migrationsExecuted + " schema_version=" + result.targetSchemaVersion);
        done = true;
    }

    public boolean done() {
        return done;
    }
}
