package io.torghut.prober.testsupport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Server-side hooks for a bare repository served by {@link GitHttpServer}: the ways a real Git host answers a push
 * that a {@code file://} remote never does.
 */
public final class GitHttpHooks {
    private GitHttpHooks() {
    }

    /**
     * The first push after this call loses a real race: the {@code pre-receive} hook moves {@code branch} to
     * {@code commit} (already in the repository) after the client read the ref advertisement, so receive-pack's
     * compare-and-swap fails with {@code failed to update ref}. Later pushes pass. The quarantine variables are
     * dropped for the move, as a concurrent writer's own receive-pack would not have them.
     */
    public static void moveBranchOnce(Path bare, String branch, String commit) throws IOException {
        Path marker = bare.resolve("moved-once");
        write(bare, "#!/bin/sh\n"
                + "if [ ! -e '" + marker + "' ]; then\n"
                + "  touch '" + marker + "'\n"
                + "  env -u GIT_QUARANTINE_PATH -u GIT_OBJECT_DIRECTORY -u GIT_ALTERNATE_OBJECT_DIRECTORIES \\\n"
                + "    git update-ref refs/heads/" + branch + " " + commit + "\n"
                + "fi\n"
                + "exit 0\n");
    }

    /**
     * Every push loses the race: the hook adds an empty commit by "someone else" on top of {@code branch} before the
     * ref update, so the host never takes the push.
     */
    public static void moveBranchEveryTime(Path bare, String branch) throws IOException {
        write(bare, "#!/bin/sh\n"
                + "unset GIT_QUARANTINE_PATH GIT_OBJECT_DIRECTORY GIT_ALTERNATE_OBJECT_DIRECTORIES\n"
                + "old=$(git rev-parse refs/heads/" + branch + ")\n"
                + "next=$(GIT_AUTHOR_NAME=someone GIT_AUTHOR_EMAIL=s@example.com GIT_COMMITTER_NAME=someone "
                + "GIT_COMMITTER_EMAIL=s@example.com git commit-tree \"$old^{tree}\" -p \"$old\" -m 'Someone else')\n"
                + "git update-ref refs/heads/" + branch + " \"$next\" \"$old\"\n"
                + "exit 0\n");
    }

    /** Every push is declined by the server with this message, the way a protected branch answers. */
    public static void decline(Path bare, String message) throws IOException {
        write(bare, "#!/bin/sh\necho '" + message.replace("'", "") + "' >&2\nexit 1\n");
    }

    /**
     * A branch that requires signed commits, as a Git host's protection does: every new commit must pass
     * {@code git verify-commit} against the keys in {@code gnupgHome} (the host's keyring of its users' public keys);
     * otherwise the push is declined with GitHub's words.
     */
    public static void requireSignedCommits(Path bare, Path gnupgHome) throws IOException {
        write(bare, "#!/bin/sh\n"
                + "export GNUPGHOME='" + gnupgHome + "'\n"
                + "zero=0000000000000000000000000000000000000000\n"
                + "while read old new ref; do\n"
                + "  if [ \"$old\" = \"$zero\" ]; then range=\"$new\"; else range=\"$old..$new\"; fi\n"
                + "  for c in $(git rev-list \"$range\"); do\n"
                + "    if ! git verify-commit \"$c\" >/dev/null 2>&1; then\n"
                + "      echo \"GH006: Protected branch update failed for $ref.\" >&2\n"
                + "      echo \"Commits must have verified signatures.\" >&2\n"
                + "      exit 1\n"
                + "    fi\n"
                + "  done\n"
                + "done\n"
                + "exit 0\n");
    }

    /** Every push waits this long in {@code pre-receive} before the ref update: a slow host. */
    public static void delay(Path bare, double seconds) throws IOException {
        write(bare, "#!/bin/sh\nsleep " + seconds + "\nexit 0\n");
    }

    /** Back to a host that accepts every push at once. */
    public static void clear(Path bare) throws IOException {
        Files.deleteIfExists(bare.resolve("hooks/pre-receive"));
    }

    private static void write(Path bare, String script) throws IOException {
        Path hook = bare.resolve("hooks/pre-receive");
        Files.createDirectories(hook.getParent());
        Files.writeString(hook, script);
        Files.setPosixFilePermissions(hook, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
}
