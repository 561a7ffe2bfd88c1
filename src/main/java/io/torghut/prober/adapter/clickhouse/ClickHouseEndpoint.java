package io.torghut.prober.adapter.clickhouse;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;

/**
 * Where ClickHouse's HTTP interface is. Accepts {@code http(s)://host:port[/]} and the
 * {@code jdbc:clickhouse://host:port/db} form some Torghut lanes use (same HTTP port; the path is the database).
 * User-info in the URL is refused rather than silently used: credentials belong in their own settings.
 */
public record ClickHouseEndpoint(URI base, Optional<String> database) {

    public static ClickHouseEndpoint parse(String raw) {
        String text = raw == null ? "" : raw.trim();
        if (text.isEmpty()) {
            throw new IllegalArgumentException("ClickHouse URL is empty");
        }
        String httpForm = text;
        boolean tls = text.matches("(?i).*[?&]ssl=true(&.*)?$");
        if (text.startsWith("jdbc:clickhouse://")) {
            // The JDBC form says TLS with ?ssl=true; the HTTP interface then answers https on the same port.
            httpForm = (tls ? "https://" : "http://") + text.substring("jdbc:clickhouse://".length());
        } else if (text.startsWith("jdbc:ch://")) {
            httpForm = "http://" + text.substring("jdbc:ch://".length());
        } else if (text.startsWith("clickhouse://")) {
            httpForm = "http://" + text.substring("clickhouse://".length());
        }
        URI uri;
        try {
            uri = new URI(httpForm);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("ClickHouse URL is not a valid URL (expected http://host:8123 or jdbc:clickhouse://host:8123/db)");
        }
        if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) {
            throw new IllegalArgumentException("ClickHouse URL must start with http://, https:// or jdbc:clickhouse:// (got scheme '" + uri.getScheme() + "')");
        }
        if (uri.getHost() == null) {
            throw new IllegalArgumentException("ClickHouse URL has no host");
        }
        if (uri.getRawUserInfo() != null) {
            throw new IllegalArgumentException("ClickHouse URL must not carry credentials; use TA_CLICKHOUSE_USERNAME and TA_CLICKHOUSE_PASSWORD");
        }
        String path = uri.getPath() == null ? "" : uri.getPath().replaceAll("^/+|/+$", "");
        Optional<String> database = path.isEmpty() ? Optional.empty() : Optional.of(path);
        int port = uri.getPort() > 0 ? uri.getPort() : ("https".equals(uri.getScheme()) ? 8443 : 8123);
        URI base = URI.create(uri.getScheme() + "://" + hostForUri(uri.getHost()) + ":" + port + "/");
        return new ClickHouseEndpoint(base, database);
    }

    private static String hostForUri(String host) {
        return host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
    }

    /** scheme://host:port, safe to print. */
    public String display() {
        String text = base.toString();
        return text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
    }
}
