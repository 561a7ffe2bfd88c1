package io.torghut.prober.feature.runbook;

import io.torghut.prober.shared.model.KnativeObservation;
import io.torghut.prober.shared.model.KnativeServiceInfo;
import io.torghut.prober.shared.model.RevisionInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The image to roll back to (runbook procedure B step 1): the resolved digest of {@code latestReadyRevisionName}, or
 * else of the newest other Ready revision, as long as it differs from the failing revision's image. Pure.
 */
public final class LastKnownGood {
    private LastKnownGood() {
    }

    /** A candidate: the revision and its {@code registry/repo@sha256:...}. */
    public record Image(String revision, String digest) {
        /** The manifest line to restore. */
        public String manifestLine() {
            return "image: " + digest;
        }
    }

    public static Optional<Image> pick(KnativeObservation observation, String failingRevision) {
        Optional<RevisionInfo> failing = observation.revision(failingRevision);
        String failingDigest = failing.flatMap(RevisionInfo::imageDigest).orElse("");
        List<RevisionInfo> candidates = new ArrayList<>();
        observation.service().flatMap(KnativeServiceInfo::latestReadyRevision).flatMap(observation::revision)
                .ifPresent(candidates::add);
        candidates.addAll(observation.revisions()); // newest first
        for (RevisionInfo candidate : candidates) {
            if (candidate.name().equals(failingRevision) || !candidate.ready() || candidate.imageDigest().isEmpty()) {
                continue;
            }
            String digest = candidate.imageDigest().get();
            if (!sameImage(digest, failingDigest)) {
                return Optional.of(new Image(candidate.name(), digest));
            }
        }
        return Optional.empty();
    }

    /** Compares the sha256 part: the same image may be referenced through different registries or names. */
    static boolean sameImage(String a, String b) {
        if (a.isEmpty() || b.isEmpty()) {
            return false;
        }
        int ia = a.indexOf("@sha256:");
        int ib = b.indexOf("@sha256:");
        return ia >= 0 && ib >= 0 ? a.substring(ia).equals(b.substring(ib)) : a.equals(b);
    }
}
