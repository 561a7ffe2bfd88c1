package io.torghut.prober.feature.runbook;

import io.torghut.prober.shared.model.KnativeObservation;
import io.torghut.prober.shared.model.RevisionInfo;
import java.util.List;
import java.util.Optional;

/** The rollback step shared by crash findings: the last known good digest and the exact manifest line. Pure. */
final class Rollback {
    private Rollback() {
    }

    static void add(KnativeObservation obs, String failing, RunbookNames n, List<String> evidence, List<String> commands,
                    List<GitOpsStep> gitops) {
        Optional<RevisionInfo> bad = obs.revision(failing);
        String badImage = bad.flatMap(RevisionInfo::image).or(() -> bad.flatMap(RevisionInfo::imageDigest)).orElse("<current image>");
        bad.flatMap(RevisionInfo::imageDigest).ifPresent(d -> evidence.add("failing revision " + failing + " runs " + d));
        Optional<LastKnownGood.Image> good = LastKnownGood.pick(obs, failing);
        if (good.isPresent()) {
            evidence.add("last known good: revision " + good.get().revision() + " runs " + good.get().digest());
            gitops.add(new GitOpsStep(n.manifest(), "image: " + badImage, good.get().manifestLine()));
            commands.add(n.kubectl("get revision " + good.get().revision()
                    + " -o jsonpath='{.status.containerStatuses[0].imageDigest}'"));
        } else {
            evidence.add("no other Ready revision with a different image digest is known to the cluster");
            gitops.add(new GitOpsStep(n.manifest(), "image: " + badImage,
                    "set it back to a previously known-good digest from git history: git log -p -- " + n.manifest()
                            + " | grep 'image: '"));
        }
    }
}
