package org.opencircles.testkit;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The real PostgreSQL server tests run against: a container where Docker answers ({@link Infrastructure}), otherwise
 * 127.0.0.1:5432 unless {@code OC_TEST_PG_HOST}, {@code _PORT}, {@code _USER}, {@code _PASSWORD} say otherwise.
 * Each service test suite gets a database of its own.
 */
public final class Postgres {

    private Postgres() {
    }

    public static String host() {
        return containers() ? Containers.postgres().getHost() : env("OC_TEST_PG_HOST", "127.0.0.1");
    }

    public static String port() {
        return containers() ? String.valueOf(Containers.postgres().getMappedPort(5432))
                : env("OC_TEST_PG_PORT", "5432");
    }

    public static String user() {
        return containers() ? Containers.postgres().getUsername() : env("OC_TEST_PG_USER", "postgres");
    }

    public static String password() {
        return containers() ? Containers.postgres().getPassword() : env("OC_TEST_PG_PASSWORD", "postgres");
    }

    private static boolean containers() {
        return Infrastructure.current() == Infrastructure.TESTCONTAINERS;
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

    /**
     * The first column of every row a query returns, read straight from {@code database} (not through the
     * application): for asserting what a projection or inbox holds.
     */
    public static java.util.List<Object> column(String database, String sql, Object... params) {
        try (Connection c = DriverManager.getConnection(jdbcUrl(database), user(), password());
             java.sql.PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            java.util.List<Object> values = new java.util.ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    values.add(rs.getObject(1));
                }
            }
            return values;
        } catch (SQLException e) {
            throw new IllegalStateException("Query failed on " + database + ": " + e.getMessage(), e);
        }
    }

    /** A single number a query returns, e.g. a count. */
    public static long number(String database, String sql, Object... params) {
        return ((Number) column(database, sql, params).get(0)).longValue();
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
