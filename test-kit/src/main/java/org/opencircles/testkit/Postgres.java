package org.opencircles.testkit;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The real PostgreSQL server tests run against: 127.0.0.1:5432 unless {@code OC_TEST_PG_HOST}, {@code _PORT},
 * {@code _USER}, {@code _PASSWORD} say otherwise. Each service test suite gets a database of its own.
 */
public final class Postgres {

    private Postgres() {
    }

    public static String host() {
        return env("OC_TEST_PG_HOST", "127.0.0.1");
    }

    public static String port() {
        return env("OC_TEST_PG_PORT", "5432");
    }

    public static String user() {
        return env("OC_TEST_PG_USER", "postgres");
    }

    public static String password() {
        return env("OC_TEST_PG_PASSWORD", "postgres");
    }

    public static String jdbcUrl(String database) {
        return "jdbc:postgresql://" + host() + ":" + port() + "/" + database;
    }

    /** Creates {@code database} if missing; with {@code fresh}, drops it first so nothing survives from a previous run. */
    public static String ensureDatabase(String database, boolean fresh) {
        if (!database.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("Unsafe database name " + database);
        }
        try (Connection c = DriverManager.getConnection(jdbcUrl("postgres"), user(), password());
             Statement s = c.createStatement()) {
            if (fresh) {
                s.execute("drop database if exists " + database + " with (force)");
            }
            try (ResultSet rs = s.executeQuery("select 1 from pg_database where datname = '" + database + "'")) {
                if (!rs.next()) {
                    s.execute("create database " + database);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL is not reachable at " + host() + ":" + port()
                    + " as " + user() + " (run .ci/run or scripts/postgres.sh): " + e.getMessage(), e);
        }
        return jdbcUrl(database);
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
