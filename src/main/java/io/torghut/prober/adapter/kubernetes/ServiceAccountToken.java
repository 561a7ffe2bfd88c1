package io.torghut.prober.adapter.kubernetes;

import io.fabric8.kubernetes.client.OAuthTokenProvider;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * The pod's ServiceAccount token for fabric8, re-read whenever its file changed, and at least once a {@link #REFRESH}.
 * The kubelet rotates bound tokens (they expire after about an hour) by swapping the projected volume; fabric8 asks
 * its token provider before every request (and once more after a 401), so a rotated token is sent from the next request
 * on. A token read once at start would expire under a long-running prober. Never logged, never part of a message.
 */
final class ServiceAccountToken implements OAuthTokenProvider {
    static final Duration REFRESH = Duration.ofMinutes(1);
    private final Path file;
    private final Duration refresh;
    private final LongSupplier nanos;
    private String value;
    private FileTime modified;
    private long readAtNanos;
    private boolean read;

    ServiceAccountToken(Path file) {
        this(file, REFRESH, System::nanoTime);
    }

    ServiceAccountToken(Path file, Duration refresh, LongSupplier nanos) {
        this.file = file;
        this.refresh = refresh;
        this.nanos = nanos;
    }

    /** The token, or null when there is none (no file: fabric8 then sends no Authorization header). */
    @Override
    public synchronized String getToken() {
        long now = nanos.getAsLong();
        FileTime current = modifiedTime();
        if (!read || !Objects.equals(current, modified) || now - readAtNanos >= refresh.toNanos()) {
            try {
                value = Files.readString(file).trim();
                modified = current;
            } catch (IOException e) {
                // keep the last good token: the volume swap can race a read
            }
            read = true;
            readAtNanos = now;
        }
        return value == null || value.isEmpty() ? null : value;
    }

    private FileTime modifiedTime() {
        try {
            return Files.getLastModifiedTime(file);
        } catch (IOException e) {
            return null;
        }
    }

    @Override
    public String toString() {
        return "ServiceAccountToken[" + file + "]";
    }
}
