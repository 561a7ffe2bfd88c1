package io.torghut.prober.adapter.git;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevTree;
import org.eclipse.jgit.treewalk.TreeWalk;

/**
 * The manifest as git stores it in a commit's tree, never as the file system shows it: a symbolic link, a submodule
 * (gitlink), a directory, or a path under any of those is refused with the reason, so the prober never reads or
 * writes through a link to somewhere outside the repository.
 */
final class TreeManifest {
    private TreeManifest() {
    }

    /**
     * The manifest entry at {@code path} in {@code tree}.
     *
     * @param blob    the blob id (when a regular file)
     * @param mode    its file mode (regular or executable)
     * @param text    its content
     * @param problem why it cannot be edited; empty when it is a regular file
     */
    record Entry(Optional<ObjectId> blob, FileMode mode, Optional<String> text, Optional<String> problem) {
        static Entry refused(String problem) {
            return new Entry(Optional.empty(), FileMode.MISSING, Optional.empty(), Optional.of(problem));
        }
    }

    static Entry read(Repository repository, RevTree tree, String path) throws IOException {
        String[] parts = path.split("/");
        StringBuilder prefix = new StringBuilder();
        for (int i = 0; i < parts.length; i++) {
            prefix.append(i == 0 ? "" : "/").append(parts[i]);
            try (TreeWalk walk = TreeWalk.forPath(repository, prefix.toString(), tree)) {
                if (walk == null) {
                    boolean parent = i > 0 && i < parts.length - 1;
                    return Entry.refused("no manifest at " + path + " on the branch" + (parent ? " (" + prefix + " does not exist)" : ""));
                }
                FileMode mode = walk.getFileMode(0);
                boolean last = i == parts.length - 1;
                Optional<String> kind = kind(mode, last);
                if (kind.isPresent()) {
                    return Entry.refused(prefix + " is " + kind.get() + " in the repository: the prober edits only a regular file "
                            + "at " + path + " inside the repository, never through a link or into a submodule");
                }
                if (last) {
                    ObjectId blob = walk.getObjectId(0);
                    Optional<String> text = utf8(repository.open(blob).getCachedBytes());
                    if (text.isEmpty()) {
                        return Entry.refused(path + " is not valid UTF-8: the prober writes UTF-8 and would change bytes "
                                + "outside the edited line; convert the file to UTF-8 or change TRADING_ENABLED by hand");
                    }
                    return new Entry(Optional.of(blob), mode, text, Optional.empty());
                }
            }
        }
        return Entry.refused("no manifest at " + path);
    }

    /** The text, when the bytes are strict UTF-8 (which re-encodes to the very same bytes). */
    static Optional<String> utf8(byte[] bytes) {
        try {
            return Optional.of(StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }

    /** What is wrong with an entry of this mode at this place, if anything. */
    private static Optional<String> kind(FileMode mode, boolean last) {
        if (mode == FileMode.SYMLINK) {
            return Optional.of("a symbolic link");
        }
        if (mode == FileMode.GITLINK) {
            return Optional.of("a submodule (gitlink)");
        }
        if (last && mode == FileMode.TREE) {
            return Optional.of("a directory");
        }
        if (!last && mode != FileMode.TREE) {
            return Optional.of("a file, not a directory");
        }
        return Optional.empty();
    }
}
