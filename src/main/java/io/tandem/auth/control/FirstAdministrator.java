package io.tandem.auth.control;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * Creates the administrator on a database that has no users yet, exactly once however many nodes start on it at
 * the same moment. Counting users and then inserting is not enough (two nodes both count zero); the UNIQUE
 * username decides: a node whose insert loses looks again, finds the winner's administrator and starts normally.
 * Plain JDBC on a connection of its own, so it needs no persistence context and a test can race it on a real
 * database.
 */
public final class FirstAdministrator {

    /** What a start found: it created the administrator, or users already existed (a later start, or another node). */
    public enum Outcome { CREATED, ALREADY_THERE }

    /** Where connections come from: the container's pool, or a test's own database. */
    public interface Connections {
        Connection open() throws SQLException;
    }

    private static final int ATTEMPTS = 3;

    private FirstAdministrator() {
    }

    /** {@code passwordHash} is asked for only when this call may create the user (hashing is deliberately slow). */
    public static Outcome createIfNoUsers(Connections database, String username, Supplier<String> passwordHash,
                                          Instant now) throws SQLException {
        String hash = null;
        for (int attempt = 1; ; attempt++) {
            try (Connection connection = database.open()) {
                if (anyUser(connection)) {
                    return Outcome.ALREADY_THERE;
                }
                hash = hash != null ? hash : passwordHash.get();
                try {
                    insert(connection, username, hash, now);
                    return Outcome.CREATED;
                } catch (SQLException lost) {
                    // Another node inserted the same username first (duplicate key), or the database chose this
                    // insert as a deadlock victim among several: either way the next look decides.
                    if (attempt == ATTEMPTS) {
                        throw lost;
                    }
                }
            }
        }
    }

    private static boolean anyUser(Connection connection) throws SQLException {
        try (Statement select = connection.createStatement();
             ResultSet row = select.executeQuery("SELECT COUNT(*) FROM app_user")) {
            row.next();
            return row.getLong(1) > 0;
        }
    }

    /** The user and their ADMIN role in one transaction: a node that loses leaves nothing behind. */
    private static void insert(Connection connection, String username, String hash, Instant now) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try (PreparedStatement user = connection.prepareStatement("INSERT INTO app_user (username, password_hash,"
                + " first_name, last_name, created_at, version, last_modified_at) VALUES (?, ?, 'Tandem', 'Administrator', ?, 1, ?)",
                Statement.RETURN_GENERATED_KEYS);
             PreparedStatement role = connection.prepareStatement("INSERT INTO user_role (user_id, role) VALUES (?, 'ADMIN')")) {
            user.setString(1, username);
            user.setString(2, hash);
            user.setTimestamp(3, Timestamp.from(now));
            user.setTimestamp(4, Timestamp.from(now));
            user.executeUpdate();
            try (ResultSet key = user.getGeneratedKeys()) {
                key.next();
                role.setLong(1, key.getLong(1));
            }
            role.executeUpdate();
            connection.commit();
        } catch (SQLException | RuntimeException failed) {
            connection.rollback();
            throw failed;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }
}
