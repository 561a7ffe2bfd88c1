package io.torghut.prober.adapter.postgres;

import io.torghut.prober.shared.Causes;
import io.torghut.prober.shared.FailureReason;
import io.torghut.prober.shared.ProbeFailure;
import io.torghut.prober.shared.FreeText;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Properties;
import org.postgresql.Driver;

/**
 * Connects to Postgres over JDBC with timeouts on every step, runs {@code SELECT 1} and asks whether the server is
 * in recovery. A fresh connection each time: the point is to prove a new client could connect now.
 * The driver is called directly rather than through {@code DriverManager}: no global driver registry to populate (a
 * service-loader lookup that native images must be told about), and no other driver can answer the URL.
 */
public class PostgresChecker {
    private final Driver driver = new Driver();

    /** What the server said about itself. */
    public record Status(boolean inRecovery, String serverVersion) {
    }

    public Status check(PostgresTarget target, Duration deadline) throws ProbeFailure {
        Properties props = new Properties();
        target.properties().forEach(props::setProperty);
        target.user().ifPresent(user -> props.setProperty("user", user));
        target.password().ifPresent(password -> props.setProperty("password", password));
        int seconds = (int) Math.max(1, deadline.toSeconds());
        props.setProperty("connectTimeout", Integer.toString(seconds));
        props.setProperty("loginTimeout", Integer.toString(seconds));
        props.setProperty("socketTimeout", Integer.toString(seconds));
        props.setProperty("ApplicationName", "torghut-prober");
        try (Connection connection = connect(target.jdbcUrl(), props);
             Statement statement = connection.createStatement()) {
            statement.setQueryTimeout(seconds);
            try (ResultSet one = statement.executeQuery("SELECT 1")) {
                one.next();
            }
            try (ResultSet recovery = statement.executeQuery("SELECT pg_is_in_recovery(), current_setting('server_version')")) {
                recovery.next();
                return new Status(recovery.getBoolean(1), recovery.getString(2));
            }
        } catch (SQLException e) {
            throw classify(e, target);
        }
    }

    private Connection connect(String url, Properties props) throws SQLException {
        Connection connection = driver.connect(url, props);
        if (connection == null) {
            // Driver.connect answers null for a URL it does not accept; DriverManager said "No suitable driver".
            throw new SQLException("not a PostgreSQL JDBC URL", "08001");
        }
        return connection;
    }

    /** SQLSTATE classes: 28 auth, 08 connection, 57P03 starting/shutting down, 3D000 no such database. */
    static ProbeFailure classify(SQLException e, PostgresTarget target) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        String where = target.display();
        String message = firstLine(e.getMessage(), target);
        if (state.startsWith("28")) {
            return new ProbeFailure(FailureReason.AUTH, "Postgres at " + where + " rejected the credentials: " + message);
        }
        if (isTimeout(e)) {
            return new ProbeFailure(FailureReason.TIMEOUT, "Postgres at " + where + " did not answer in time: " + message);
        }
        if (state.startsWith("08") || "57P03".equals(state) || "57P01".equals(state)) {
            return new ProbeFailure(FailureReason.CONNECT, "cannot connect to Postgres at " + where + ": " + message);
        }
        if ("3D000".equals(state)) {
            return new ProbeFailure(FailureReason.CONFIG, "Postgres at " + where + ": " + message);
        }
        return new ProbeFailure(FailureReason.QUERY, "Postgres at " + where + " failed (SQLSTATE " + state + "): " + message);
    }

    private static boolean isTimeout(Throwable e) {
        return Causes.causedBy(e, java.net.SocketTimeoutException.class) || Causes.causedBy(e, java.sql.SQLTimeoutException.class);
    }

    /** The driver's message, first line, with the password removed should the driver ever echo it. */
    private static String firstLine(String message, PostgresTarget target) {
        String text = message == null ? "" : message.lines().findFirst().orElse("");
        if (target.password().isPresent() && !target.password().get().isEmpty()) {
            text = text.replace(target.password().get(), "****");
        }
        return FreeText.cut(text, 300, FreeText.ELLIPSIS);
    }
}
