package org.opencircles.platform.database;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;
import java.util.Properties;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.postgresql.Driver;

/**
 * Asks whether the service's database answers right now: a fresh connection (never one from the pool, which may hold
 * connections made before an outage) and a trivial statement, each within a few seconds. The consumer, the outbox
 * relay and the notifier's sender ask it before they blame a message for a failure.
 */
@ApplicationScoped
public class DatabaseProbe {

    private static final Duration TIMEOUT = Duration.ofSeconds(3);

    private final String url;
    private final Optional<String> user;
    private final Optional<String> password;

    public DatabaseProbe(
            @ConfigProperty(name = "quarkus.datasource.jdbc.url") String url,
            @ConfigProperty(name = "quarkus.datasource.username") Optional<String> user,
            @ConfigProperty(name = "quarkus.datasource.password") Optional<String> password) {
        this.url = url;
        this.user = user;
        this.password = password;
    }

    /** Empty when the database answered; otherwise why it did not (the driver's words, never a row's content). */
    public Optional<String> problem() {
        Properties props = new Properties();
        user.ifPresent(u -> props.setProperty("user", u));
        password.ifPresent(p -> props.setProperty("password", p));
        String seconds = Long.toString(TIMEOUT.toSeconds());
        props.setProperty("connectTimeout", seconds);
        props.setProperty("loginTimeout", seconds);
        props.setProperty("socketTimeout", seconds);
        props.setProperty("ApplicationName", "open-circles-probe");
        try (Connection connection = new Driver().connect(url, props)) {
            if (connection == null) {
                return Optional.of("no driver for " + url.replaceAll("//[^/]*@", "//"));
            }
            try (Statement statement = connection.createStatement()) {
                statement.setQueryTimeout((int) TIMEOUT.toSeconds());
                statement.execute("select 1");
            }
            return Optional.empty();
        } catch (SQLException e) {
            String state = e.getSQLState() == null ? "" : " (SQLSTATE " + e.getSQLState() + ")";
            String message = e.getMessage() == null
                    ? e.getClass().getSimpleName()
                    : e.getMessage().lines().findFirst().orElse("");
            return Optional.of(message + state);
        }
    }
}
