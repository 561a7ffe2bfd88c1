package io.torghut.prober.feature.runbook;

import io.torghut.prober.shared.model.EnvVar;
import io.torghut.prober.shared.model.KnativeObservation;
import io.torghut.prober.shared.model.PodInfo;
import io.torghut.prober.shared.model.RevisionInfo;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Procedure A, missing secret: a pod stuck in {@code CreateContainerConfigError} because a Secret (or one of its keys)
 * does not exist. The Secret is named from the pod's message, the env variable (DB_DSN, the ClickHouse password) from
 * the revision's {@code secretKeyRef}s. Secrets themselves are never read. Pure.
 */
public final class SecretFindings {
    private static final Pattern SECRET_NOT_FOUND = Pattern.compile("secret \"([^\"]+)\" not found");
    private static final Pattern KEY_NOT_FOUND = Pattern.compile("couldn't find key (\\S+) in Secret [^/\\s]+/(\\S+)");

    private SecretFindings() {
    }

    /** A missing Secret or key, as read from a waiting message or a revision condition. */
    record Missing(String secret, Optional<String> key, String message) {
    }

    public static Optional<Finding> missingSecret(KnativeObservation obs, FindingContext ctx) {
        RunbookNames n = ctx.names();
        Set<Missing> missing = new LinkedHashSet<>();
        List<String> evidence = new ArrayList<>();
        List<String> resources = new ArrayList<>();
        String revisionName = "";
        Set<String> revisions = new LinkedHashSet<>();
        for (RevisionInfo revision : obs.revisions()) {
            for (PodInfo pod : obs.podsOf(revision.name())) {
                for (PodInfo.ContainerState c : pod.containers()) {
                    Optional<Missing> m = parse(c.waitingMessage());
                    if (m.isEmpty()) {
                        continue;
                    }
                    missing.add(m.get());
                    revisions.add(revision.name());
                    evidence.add(PodEvidence.describe(pod, c));
                    resources.add(pod.name());
                    revisionName = revisionName.isEmpty() ? revision.name() : revisionName;
                }
            }
            if (revision.name().equals(obs.newest().map(RevisionInfo::name).orElse(""))) {
                for (var cond : revision.conditions()) {
                    Optional<Missing> m = parse(cond.message());
                    if (m.isPresent()) {
                        missing.add(m.get());
                        revisions.add(revision.name());
                        evidence.add("revision " + revision.name() + ": " + cond.describe());
                        revisionName = revisionName.isEmpty() ? revision.name() : revisionName;
                    }
                }
            }
        }
        if (missing.isEmpty()) {
            return Optional.empty();
        }
        String failing = revisionName;
        List<EnvVar> env = obs.revision(failing).map(RevisionInfo::env)
                .orElse(obs.service().map(s -> s.templateEnv()).orElse(List.of()));
        List<String> names = new ArrayList<>();
        List<String> commands = new ArrayList<>();
        List<GitOpsStep> gitops = new ArrayList<>();
        for (Missing m : missing) {
            List<String> vars = env.stream().filter(e -> e.secretName().orElse("").equals(m.secret())
                    && (m.key().isEmpty() || e.secretKey().orElse("").equals(m.key().get()))).map(EnvVar::name).toList();
            String what = "Secret " + m.secret() + m.key().map(k -> " key " + k).orElse("")
                    + (vars.isEmpty() ? "" : " (for " + String.join(", ", vars) + ")");
            names.add(what);
            evidence.add(what + " is missing: " + m.message());
            commands.add(n.kubectl("get secret " + m.secret()));
            if (m.secret().equals(n.cluster() + "-app") || m.secret().startsWith(n.cluster() + "-")) {
                commands.add(n.kubectl("get cluster.postgresql.cnpg.io " + n.cluster()));
            }
            for (String var : vars) {
                gitops.add(new GitOpsStep(n.manifest(), "- name: " + var + "  (valueFrom.secretKeyRef name: " + m.secret()
                        + m.key().map(k -> ", key: " + k).orElse("") + ")",
                        "make it reference an existing Secret and key, or restore the Secret " + m.secret() + " from its source"));
            }
        }
        commands.add(n.kubectl("describe revision " + failing));
        return Optional.of(new Finding(FindingIds.MISSING_SECRET, "A", Severity.CRITICAL,
                "pods of " + failing + " cannot start: missing " + String.join("; ", names), evidence,
                resources.isEmpty() ? List.of(failing) : prepend(failing, resources), commands, gitops,
                List.of(hint(names)), revisions.stream().map(Subject::revision).toList()));
    }

    static Optional<Missing> parse(String message) {
        Matcher key = KEY_NOT_FOUND.matcher(message);
        if (key.find()) {
            return Optional.of(new Missing(key.group(2), Optional.of(key.group(1)), message));
        }
        Matcher secret = SECRET_NOT_FOUND.matcher(message);
        return secret.find() ? Optional.of(new Missing(secret.group(1), Optional.empty(), message)) : Optional.empty();
    }

    private static String hint(List<String> names) {
        String all = String.join(" ", names);
        if (all.contains("DB_DSN")) {
            return "DB_DSN comes from the CNPG-generated app Secret: if the cluster was re-created or renamed, the Secret name changed.";
        }
        if (all.contains("CLICKHOUSE")) {
            return "The ClickHouse password Secret is missing: restore it from its sealed/external secret source.";
        }
        return "Restore the Secret from its source (sealed or external secret); do not create it by hand outside GitOps.";
    }

    private static List<String> prepend(String first, List<String> rest) {
        List<String> all = new ArrayList<>(List.of(first));
        all.addAll(rest);
        return all;
    }
}
