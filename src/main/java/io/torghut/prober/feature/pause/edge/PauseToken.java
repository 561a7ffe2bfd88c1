package io.torghut.prober.feature.pause.edge;

import io.torghut.prober.shared.ConfigProblem;
import io.torghut.prober.shared.Redactor;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * The bearer token of /pause: {@code prober.pause.token}, or a file ({@code prober.pause.token-file}, a mounted
 * Secret) that is read again whenever it changes, so a rotated Secret needs no restart. Trimmed, as Alertmanager trims
 * its {@code credentials_file}: a Secret written with a final newline must not turn every correct token into a 401.
 * Empty or blank refuses startup, naming the key; a file that turns empty later refuses every call (503), never opens.
 */
final class PauseToken {
    private static final Logger LOG = Logger.getLogger(PauseToken.class);
    static final String TOKEN_KEY = "prober.pause.token (PROBER_PAUSE_TOKEN)";
    static final String FILE_KEY = "prober.pause.token-file (PROBER_PAUSE_TOKEN_FILE)";
    private final Optional<String> fixed;
    private final Optional<Path> file;
    private final Redactor redactor;
    private FileTime readAt;
    private Optional<String> fromFile = Optional.empty();

    private PauseToken(Optional<String> fixed, Optional<Path> file, Redactor redactor) {
        this.fixed = fixed;
        this.file = file;
        this.redactor = redactor;
    }

    /** Checks the configuration at startup; every failure names the key, never the value. */
    public static PauseToken of(Optional<String> token, Optional<String> tokenFile, Redactor redactor) {
        if (token.isPresent() && tokenFile.isPresent()) {
            throw new ConfigProblem(TOKEN_KEY, "set either it or " + FILE_KEY + ", not both");
        }
        if (token.isPresent()) {
            String trimmed = token.get().strip();
            if (trimmed.isEmpty()) {
                throw new ConfigProblem(TOKEN_KEY, "is empty or only whitespace");
            }
            redactor.add(token.get());
            redactor.add(trimmed);
            return new PauseToken(Optional.of(trimmed), Optional.empty(), redactor);
        }
        if (tokenFile.isEmpty()) {
            return new PauseToken(Optional.empty(), Optional.empty(), redactor);
        }
        PauseToken fromFile = new PauseToken(Optional.empty(), Optional.of(Path.of(tokenFile.get())), redactor);
        try {
            if (fromFile.read().isEmpty()) {
                throw new ConfigProblem(FILE_KEY, "the file is empty or only whitespace");
            }
        } catch (IOException e) {
            throw new ConfigProblem(FILE_KEY, "cannot be read (" + e.getClass().getSimpleName() + ")");
        }
        return fromFile;
    }

    /** Whether a token is configured at all (without one, /pause refuses every call). */
    public boolean configured() {
        return fixed.isPresent() || file.isPresent();
    }

    /** The current token; empty when none is configured or the file has become empty or unreadable. */
    public synchronized Optional<String> current() {
        if (file.isEmpty()) {
            return fixed;
        }
        try {
            return read();
        } catch (IOException e) {
            LOG.errorf("%s cannot be read (%s): /pause refuses every call until it can", FILE_KEY, e.getClass().getSimpleName());
            readAt = null;
            fromFile = Optional.empty();
            return fromFile;
        }
    }

    /** Reads the file again when its modification time changed (a Secret update swaps the file behind its link). */
    private synchronized Optional<String> read() throws IOException {
        FileTime modified = Files.getLastModifiedTime(file.get());
        if (modified.equals(readAt)) {
            return fromFile;
        }
        String raw = Files.readString(file.get(), StandardCharsets.UTF_8);
        String trimmed = raw.strip();
        redactor.add(raw);
        redactor.add(trimmed);
        boolean rotated = readAt != null && !fromFile.equals(Optional.of(trimmed));
        readAt = modified;
        fromFile = trimmed.isEmpty() ? Optional.empty() : Optional.of(trimmed);
        if (fromFile.isEmpty()) {
            LOG.errorf("%s is empty: /pause refuses every call until it holds a token", FILE_KEY);
        } else if (rotated) {
            LOG.infof("%s changed: the new token is in use", FILE_KEY);
        }
        return fromFile;
    }
}
