package io.torghut.prober.testsupport;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Test-side writes to the real ClickHouse as the password-less {@code default} user: the database and tables each
 * test owns (in {@link TestServices#CH_TEST_DATABASE}) and the rows whose age the freshness probe measures.
 */
public final class ClickHouseAdmin {
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    private final String url;

    public ClickHouseAdmin(String url) {
        this.url = url;
    }

    /** Against the shared test server. */
    public static ClickHouseAdmin shared() {
        return new ClickHouseAdmin(TestServices.chUrl());
    }

    /** Runs one statement and returns the body; anything but HTTP 200 is an error. */
    public String exec(String sql) {
        try {
            HttpResponse<String> response = CLIENT.send(HttpRequest.newBuilder(URI.create(url + "/"))
                    .timeout(Duration.ofSeconds(20)).POST(HttpRequest.BodyPublishers.ofString(sql)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("ClickHouse refused [" + sql + "]: HTTP " + response.statusCode() + " " + response.body());
            }
            return response.body();
        } catch (IOException e) {
            throw new IllegalStateException("ClickHouse at " + url + " unreachable for [" + sql + "]", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Creates {@code torghut_it.<prefix>_<random>} shaped like Torghut's TA tables and returns its qualified name. */
    public String newTable(String prefix) {
        String name = TestServices.CH_TEST_DATABASE + "." + prefix + "_" + Long.toHexString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE);
        createTable(name);
        return name;
    }

    /** Creates the test database and {@code table} (symbol String, event_ts DateTime) if missing. */
    public void createTable(String qualified) {
        exec("CREATE DATABASE IF NOT EXISTS " + TestServices.CH_TEST_DATABASE);
        exec("CREATE TABLE IF NOT EXISTS " + qualified
                + " (symbol String, event_ts DateTime) ENGINE = MergeTree ORDER BY (symbol, event_ts)");
    }

    /** Inserts one row per age, stamped by ClickHouse's own clock ({@code now() - seconds}). */
    public void insertAged(String table, long... secondsAgo) {
        for (long seconds : secondsAgo) {
            exec("INSERT INTO " + table + " SELECT 'AAPL', now() - " + seconds);
        }
    }

    /** Each table created if missing, emptied, and given one row of now: fresh for any max age. */
    public void freshTables(String... tables) {
        for (String table : tables) {
            createTable(table);
            truncate(table);
            insertAged(table, 0);
        }
    }

    public void truncate(String table) {
        exec("TRUNCATE TABLE " + table);
    }

    public void drop(String table) {
        exec("DROP TABLE IF EXISTS " + table);
    }
}
