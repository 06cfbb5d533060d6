package io.tandem.platform.db;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

import javax.sql.DataSource;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Properties;
import java.util.logging.Logger;

/**
 * The physical connections behind the container's pool ({@link DatabaseDefinition}). It reads the database from
 * MicroProfile Config at run time, so one WAR serves the embedded H2 file database by default and MySQL 8
 * (or MariaDB) when {@code TANDEM_DB_URL} says so, on Payara and on WildFly alike.
 */
public class TandemDataSource implements DataSource {

    private final Driver driver;
    private final String url;
    private final Properties properties = new Properties();
    private PrintWriter logWriter;
    private int loginTimeout;

    public TandemDataSource() {
        this(false);
    }

    /**
     * Connections for schema migrations: outside the pool (so no statement timeout) and without a socket timeout,
     * since building an index on a large table may rightly take minutes, and an interrupted DDL on MySQL cannot be
     * rolled back.
     */
    public static TandemDataSource forMigrations() {
        return new TandemDataSource(true);
    }

    private TandemDataSource(boolean forMigrations) {
        Config config = ConfigProvider.getConfig(TandemDataSource.class.getClassLoader());
        String dataDir = config.getOptionalValue("tandem.data.dir", String.class).orElse("data");
        int lockWaitSeconds = config.getOptionalValue("tandem.db.lock-wait-timeout-seconds", Integer.class).orElse(5);
        Duration connectTimeout = config.getOptionalValue("tandem.db.connect-timeout", Duration.class).orElse(Duration.ofSeconds(3));
        Duration socketTimeout = config.getOptionalValue("tandem.db.socket-timeout", Duration.class).orElse(Duration.ofSeconds(10));
        String configured = config.getOptionalValue("tandem.db.url", String.class).orElse("").trim();
        this.url = configured.isEmpty() ? embeddedUrl(Path.of(dataDir), lockWaitSeconds) : configured;
        config.getOptionalValue("tandem.db.user", String.class).ifPresent(user -> properties.setProperty("user", user));
        config.getOptionalValue("tandem.db.password", String.class)
                .ifPresent(password -> properties.setProperty("password", password));
        if (url.startsWith("jdbc:mysql:") || url.startsWith("jdbc:mariadb:")) {
            this.driver = mysqlDriver();
            // A short lock wait turns a stuck row lock into a quick, retryable 503 instead of a 50 s hang.
            properties.putIfAbsent("sessionVariables", "innodb_lock_wait_timeout=" + lockWaitSeconds);
            properties.putIfAbsent("connectionTimeZone", "UTC");
            properties.putIfAbsent("forceConnectionTimeZoneToSession", "true");
            properties.putIfAbsent("useLocalSessionState", "true");
            properties.putIfAbsent("rewriteBatchedStatements", "true");
            properties.putIfAbsent("cachePrepStmts", "true");
            properties.putIfAbsent("useServerPrepStmts", "false");
            properties.putIfAbsent("tcpKeepAlive", "true");
            // A database that is down, unreachable or frozen must cost a request seconds, not the whole outage:
            // connecting and every read are bounded, and the failure is answered 503 (Failures).
            properties.putIfAbsent("connectTimeout", Long.toString(connectTimeout.toMillis()));
            properties.putIfAbsent("socketTimeout", forMigrations ? "0" : Long.toString(socketTimeout.toMillis()));
        } else if (url.startsWith("jdbc:h2:")) {
            this.driver = new org.h2.Driver();
        } else {
            throw new IllegalStateException("tandem.db.url must be a jdbc:mysql: or jdbc:h2: URL");
        }
    }

    /** The embedded default: an H2 file database in MySQL mode under the data folder, surviving restarts. */
    static String embeddedUrl(Path dataDir, int lockWaitSeconds) {
        return "jdbc:h2:file:" + dataDir.toAbsolutePath().resolve("tandem")
                + ";MODE=MySQL;DATABASE_TO_LOWER=TRUE"
                + ";LOCK_TIMEOUT=" + lockWaitSeconds * 1000;
    }

    private static Driver mysqlDriver() {
        try {
            return new com.mysql.cj.jdbc.Driver();
        } catch (SQLException e) {
            throw new IllegalStateException("MySQL driver unavailable", e);
        }
    }

    public String url() {
        return url;
    }

    @Override
    public Connection getConnection() throws SQLException {
        Connection connection = driver.connect(url, properties);
        if (connection == null) {
            throw new SQLException("No driver accepts " + url);
        }
        return connection;
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return getConnection();
    }

    @Override
    public PrintWriter getLogWriter() {
        return logWriter;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        this.logWriter = out;
    }

    @Override
    public void setLoginTimeout(int seconds) {
        this.loginTimeout = seconds;
    }

    @Override
    public int getLoginTimeout() {
        return loginTimeout;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        if (type.isInstance(this)) {
            return type.cast(this);
        }
        throw new SQLException("Not a wrapper of " + type);
    }

    @Override
    public boolean isWrapperFor(Class<?> type) {
        return type.isInstance(this);
    }
}
