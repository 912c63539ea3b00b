package org.opencircles.testkit;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;

/** Gives a {@code @QuarkusTest} application a fresh database on the real PostgreSQL server; init arg {@code database}. */
public class PostgresTestResource implements QuarkusTestResourceLifecycleManager {

    private String database = "open_circles_test";

    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.getOrDefault("database", database);
    }

    @Override
    public Map<String, String> start() {
        String url = Postgres.ensureDatabase(database, true);
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
