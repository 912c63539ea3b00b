package org.opencircles.testkit;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Gives a {@code @QuarkusTest} application a fresh database on the real PostgreSQL server; init arg {@code database}.
 * With init arg {@code proxy=true} the application reaches it through a {@link TcpProxy} that fault tests can cut
 * ({@link #proxy()}); tests themselves still reach the database directly through {@link Postgres}.
 */
public class PostgresTestResource implements QuarkusTestResourceLifecycleManager {

    private static volatile TcpProxy proxy;

    private String database = "open_circles_test";
    private boolean proxied;

    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.getOrDefault("database", database);
        proxied = Boolean.parseBoolean(initArgs.getOrDefault("proxy", "false"));
    }

    /** The proxy between the application and its database, when the resource was started with {@code proxy=true}. */
    public static TcpProxy proxy() {
        if (proxy == null) {
            throw new IllegalStateException("PostgresTestResource was not started with proxy=true");
        }
        return proxy;
    }

    @Override
    public Map<String, String> start() {
        String url = Postgres.ensureDatabase(database, true);
        if (proxied) {
            proxy = TcpProxy.start(Postgres.host(), Integer.parseInt(Postgres.port()));
            url = "jdbc:postgresql://127.0.0.1:" + proxy.port() + "/" + database;
        }
        return Map.of(
                "quarkus.datasource.jdbc.url", url,
                "quarkus.datasource.username", Postgres.user(),
                "quarkus.datasource.password", Postgres.password());
    }

    @Override
    public void stop() {
        // Left in place so a failed run can be inspected; the next run drops and recreates it.
    }
}
