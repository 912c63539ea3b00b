package org.opencircles.testkit;

import java.io.File;
import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The real PostgreSQL server tests run against: a container where Docker answers ({@link Infrastructure}), otherwise
 * 127.0.0.1:5432 unless {@code OC_TEST_PG_HOST}, {@code _PORT}, {@code _USER}, {@code _PASSWORD} say otherwise.
 * Each service test suite gets a database of its own.
 */
public final class Postgres {

    private Postgres() {}

    public static String host() {
        return containers() ? Containers.postgres().getHost() : env("OC_TEST_PG_HOST", "127.0.0.1");
    }

    public static String port() {
        return containers()
                ? String.valueOf(Containers.postgres().getMappedPort(5432))
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
            throw new IllegalStateException(
                    "PostgreSQL is not reachable at " + host() + ":" + port() + " as " + user()
                            + " (run .ci/run or scripts/postgres.sh): " + e.getMessage(),
                    e);
        }
        return jdbcUrl(database);
    }

    /**
     * The first column of every row a query returns, read straight from {@code database} (not through the
     * application): for asserting what a projection or inbox holds.
     */
    public static List<Object> column(String database, String sql, Object... params) {
        try (Connection c = DriverManager.getConnection(jdbcUrl(database), user(), password());
                PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            List<Object> values = new ArrayList<>();
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

    /**
     * Takes {@code database} out as maintenance does: no new connection is accepted (SQLSTATE 55000, "not currently
     * accepting connections") and every open one is terminated. {@link #acceptConnections} brings it back.
     */
    public static void refuseConnections(String database) {
        admin("alter database " + safe(database) + " allow_connections false");
        admin("select pg_terminate_backend(pid) from pg_stat_activity where datname = '" + safe(database) + "'");
    }

    public static void acceptConnections(String database) {
        admin("alter database " + safe(database) + " allow_connections true");
    }

    /**
     * Makes every statement on {@code database} that runs longer than {@code timeout} fail (SQLSTATE 57014), from the
     * next session on: open sessions are terminated so the application's pool opens new ones under the setting.
     * Null resets it.
     */
    public static void statementTimeout(String database, String timeout) {
        admin("alter database " + safe(database)
                + (timeout == null
                        ? " reset statement_timeout"
                        : " set statement_timeout = '" + timeout.replaceAll("[^0-9a-z]", "") + "'"));
        admin("select pg_terminate_backend(pid) from pg_stat_activity where datname = '" + safe(database) + "'");
    }

    /**
     * Restarts the PostgreSQL server the tests use, as an operator's restart does (sessions terminated, connections
     * refused until it is back), when this machine runs it as a Debian cluster and the tests may restart it (root);
     * false, doing nothing, otherwise.
     */
    public static boolean restartServer() {
        if (containers()
                || !new File("/usr/bin/pg_ctlcluster").canExecute()
                || !"root".equals(System.getProperty("user.name"))) {
            return false;
        }
        try {
            Process list = new ProcessBuilder("pg_lsclusters", "-h")
                    .redirectErrorStream(true)
                    .start();
            String cluster = null;
            for (String line : new String(list.getInputStream().readAllBytes()).split("\n")) {
                String[] f = line.trim().split("\\s+");
                if (f.length >= 4 && f[2].equals(port()) && f[3].equals("online")) {
                    cluster = f[0] + "/" + f[1];
                }
            }
            list.waitFor();
            if (cluster == null) {
                return false;
            }
            Process restart = new ProcessBuilder(
                            "pg_ctlcluster",
                            "--skip-systemctl-redirect",
                            cluster.split("/")[0],
                            cluster.split("/")[1],
                            "restart",
                            "-m",
                            "fast")
                    .redirectErrorStream(true)
                    .start();
            String output = new String(restart.getInputStream().readAllBytes());
            if (!restart.waitFor(60, TimeUnit.SECONDS) || restart.exitValue() != 0) {
                throw new IllegalStateException("pg_ctlcluster restart failed: " + output);
            }
            return true;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Runs one statement on the server's {@code postgres} database, as the tests' administrator. */
    private static void admin(String sql) {
        try (Connection c = DriverManager.getConnection(jdbcUrl("postgres"), user(), password());
                Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("Failed on the postgres database: " + e.getMessage(), e);
        }
    }

    private static String safe(String database) {
        if (!database.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("Unsafe database name " + database);
        }
        return database;
    }

    /** Runs statements that return no rows (DDL, say) on {@code database}, as the tests' administrator. */
    public static void execute(String database, String sql) {
        try (Connection c = DriverManager.getConnection(jdbcUrl(database), user(), password());
                Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("Failed on " + database + ": " + e.getMessage(), e);
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
