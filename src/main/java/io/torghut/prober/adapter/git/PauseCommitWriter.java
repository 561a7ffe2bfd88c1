package io.torghut.prober.adapter.git;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.dircache.DirCacheBuilder;
import org.eclipse.jgit.dircache.DirCacheEditor;
import org.eclipse.jgit.dircache.DirCacheEntry;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.filter.TreeFilter;

/**
 * Writes the pause commit straight into the object database, on top of the synced tip: the new blob replaces the
 * manifest's entry in a copy of the tip's tree, in memory. Nothing is written through the file system, so no link or
 * filter in the working tree can redirect or alter the edit; {@link StagedChangeCheck} looks at the result first.
 */
final class PauseCommitWriter {
    private final Repository repository;
    private final String branch;
    private final String path;
    private final PersonIdent author;
    private final Optional<CommitSigner> signer;

    PauseCommitWriter(Repository repository, String branch, String path, PersonIdent author, Optional<CommitSigner> signer) {
        this.repository = repository;
        this.branch = branch;
        this.path = path;
        this.author = author;
        this.signer = signer;
    }

    /** The new commit on the local branch, or the reason nothing was committed. */
    sealed interface Written permits Committed, Refused {
    }

    record Committed(ObjectId commit) implements Written {
    }

    record Refused(String reason) implements Written {
    }

    Written write(RevCommit tip, TreeManifest.Entry base, String before, String after, String message) throws IOException {
        try (ObjectInserter inserter = repository.newObjectInserter(); ObjectReader reader = repository.newObjectReader();
             RevWalk walk = new RevWalk(reader)) {
            ObjectId blob = inserter.insert(Constants.OBJ_BLOB, after.getBytes(StandardCharsets.UTF_8));
            DirCache index = DirCache.newInCore();
            DirCacheBuilder builder = index.builder();
            builder.addTree(new byte[0], DirCacheEntry.STAGE_0, reader, tip.getTree());
            builder.finish();
            DirCacheEditor editor = index.editor();
            editor.add(new DirCacheEditor.PathEdit(path) {
                @Override
                public void apply(DirCacheEntry entry) {
                    entry.setFileMode(base.mode());
                    entry.setObjectId(blob);
                }
            });
            editor.finish();
            ObjectId tree = index.writeTree(inserter);
            inserter.flush();
            Optional<String> problem = StagedChangeCheck.problem(staged(reader, walk, tip, tree), path, before, after);
            if (problem.isPresent()) {
                return new Refused("not committed: " + problem.get());
            }
            CommitBuilder commit = new CommitBuilder();
            PersonIdent now = new PersonIdent(author, new java.util.Date());
            commit.setTreeId(tree);
            commit.setParentId(tip);
            commit.setAuthor(now);
            commit.setCommitter(now);
            commit.setMessage(message);
            if (signer.isPresent()) {
                // Over the commit as it stands without the signature header: what git verify-commit checks.
                commit.setGpgSignature(signer.get().sign(commit.build()));
            }
            ObjectId id = inserter.insert(commit);
            inserter.flush();
            RefUpdate update = repository.updateRef(Constants.R_HEADS + branch);
            update.setExpectedOldObjectId(tip);
            update.setNewObjectId(id);
            update.setRefLogMessage("torghut-prober pause", false);
            RefUpdate.Result result = update.update(walk);
            if (result != RefUpdate.Result.FAST_FORWARD && result != RefUpdate.Result.NEW && result != RefUpdate.Result.FORCED) {
                throw new IOException("cannot move the local branch " + branch + " to the pause commit: " + result);
            }
            return new Committed(id);
        }
    }

    private StagedChangeCheck.Staged staged(ObjectReader reader, RevWalk walk, RevCommit tip, ObjectId tree) throws IOException {
        List<String> changed = new ArrayList<>();
        boolean modeChanged = false;
        byte[] head = new byte[0];
        byte[] staged = new byte[0];
        try (TreeWalk diff = new TreeWalk(reader)) {
            diff.addTree(tip.getTree());
            diff.addTree(walk.parseTree(tree));
            diff.setRecursive(true);
            diff.setFilter(TreeFilter.ANY_DIFF);
            while (diff.next()) {
                changed.add(diff.getPathString());
                if (diff.getPathString().equals(path)) {
                    modeChanged = diff.getRawMode(0) != diff.getRawMode(1);
                    head = bytes(reader, diff.getObjectId(0));
                    staged = bytes(reader, diff.getObjectId(1));
                }
            }
        }
        return new StagedChangeCheck.Staged(changed, modeChanged, head, staged);
    }

    private static byte[] bytes(ObjectReader reader, ObjectId blob) throws IOException {
        return ObjectId.zeroId().equals(blob) ? new byte[0] : reader.open(blob).getCachedBytes();
    }
}
