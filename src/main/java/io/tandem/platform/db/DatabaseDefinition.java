package io.tandem.platform.db;

import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.ejb.Singleton;

import java.sql.Connection;

/**
 * The application's one connection pool, managed by the container. Which database it reaches is decided at run
 * time by {@link TandemDataSource}; the pool's shape is fixed here: READ COMMITTED (no InnoDB gap locks on plain
 * reads; every read-check-write in Tandem holds a row lock or a version predicate instead), validation on borrow,
 * and a size that fits a MySQL default of 151 connections with room for several nodes.
 */
@Singleton
@DataSourceDefinition(
        name = DatabaseDefinition.JNDI_NAME,
        className = "io.tandem.platform.db.TandemDataSource",
        initialPoolSize = 2,
        minPoolSize = 2,
        maxPoolSize = 32,
        maxIdleTime = 300,
        loginTimeout = 5,
        isolationLevel = Connection.TRANSACTION_READ_COMMITTED,
        properties = {
                "fish.payara.is-connection-validation-required=true",
                "fish.payara.connection-validation-method=meta-data",
                "fish.payara.fail-all-connections=true",
                // With the driver's connect and socket timeouts (TandemDataSource), these bound how long a request
                // can wait on a database that falters before it is answered 503.
                "fish.payara.max-wait-time-in-millis=5000",
                "fish.payara.statement-timeout-in-seconds=10"
        })
public class DatabaseDefinition {
    public static final String JNDI_NAME = "java:app/jdbc/tandem";
}
