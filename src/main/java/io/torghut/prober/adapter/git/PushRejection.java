package io.torghut.prober.adapter.git;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Reads why a Git host rejected a ref update. Only two kinds of rejection need a human: the credentials (401/403,
 * "permission denied") and a protected branch or server hook ("pre-receive hook declined", "protected branch").
 * Everything else a host says about a ref update ("failed to update ref", "non-fast-forward", "fetch first",
 * "stale info", "cannot lock ref", an unknown reason) is treated as a lost race: fetch, re-check, retry within the
 * attempts. Erring towards a retry costs one fetch; erring towards a refusal leaves trading on. Pure.
 */
public final class PushRejection {
    private static final Pattern RACE = Pattern.compile(
            "failed to update ref|failed to lock|cannot lock|unable to lock|lock file|stale info|fetch first|non-fast-forward");
    private static final Pattern PROTECTED = Pattern.compile("protected|hook declined|declined by|update hook");
    private static final Pattern AUTHORIZATION = Pattern.compile(
            "not authorized|authentication|auth fail|unauthorized|forbidden|permission|not permitted|access denied|\\b40[13]\\b|write access");
    /** A protected branch that requires signed commits (GitHub's GH006, Gitea's and GitLab's hook messages). */
    private static final Pattern UNSIGNED = Pattern.compile("signed commits|verified signature|must be signed|unsigned|signature");
    /** JSch's words for a host key that is not the pinned one (unknown, or changed). */
    private static final Pattern HOST_KEY = Pattern.compile("reject hostkey|hostkey has been changed|unknownhostkey");

    /** URLs (scheme://... or scp-like user@host:path): a repository may be named "403" or "permissions". */
    private static final Pattern URL = Pattern.compile("\\b[a-zA-Z][a-zA-Z0-9+.-]*://\\S*|\\S+@[\\w.-]+:\\S*");

    private PushRejection() {
    }

    /** What git said, with every URL in it replaced: the classification reads git's words, never a repository's name. */
    static String withoutUrls(String text) {
        return URL.matcher(String.valueOf(text)).replaceAll("<url>");
    }

    /** The status of a rejected ref update, from the host's reason and whatever it printed on the side band. */
    public static PushOutcome.Status classify(String reason, String remoteMessages) {
        // The reason the host gave for this ref wins: a race stays a race whatever a hook printed beside it.
        if (RACE.matcher(withoutUrls(reason).toLowerCase(Locale.ROOT)).find()) {
            return PushOutcome.Status.REJECTED;
        }
        String text = withoutUrls(reason + "\n" + remoteMessages).toLowerCase(Locale.ROOT);
        if (PROTECTED.matcher(text).find()) {
            return UNSIGNED.matcher(text).find() ? PushOutcome.Status.DENIED_UNSIGNED : PushOutcome.Status.DENIED_PROTECTED;
        }
        if (AUTHORIZATION.matcher(text).find()) {
            return PushOutcome.Status.DENIED_AUTHORIZATION;
        }
        return PushOutcome.Status.REJECTED;
    }

    /** Whether a transport failure (JGit's exception text) is the host refusing the credentials. */
    public static boolean isAuthorizationFailure(String transportMessage) {
        return transportMessage != null && AUTHORIZATION.matcher(withoutUrls(transportMessage).toLowerCase(Locale.ROOT)).find();
    }

    /** Whether a transport failure is the SSH host key not matching the pinned known-hosts file. */
    public static boolean isHostKeyRefusal(String transportMessage) {
        return transportMessage != null && HOST_KEY.matcher(withoutUrls(transportMessage).toLowerCase(Locale.ROOT)).find();
    }

    /** The sentence oncall reads for a host key that is not the pinned one. */
    public static String explainHostKey(String remoteSaid) {
        return "the SSH host key of the remote is not the one pinned in prober.gitops.ssh-known-hosts-file (GITOPS_SSH_KNOWN_HOSTS_FILE): "
                + "refusing to connect, nothing is trusted on first use (if the host's key legitimately changed, put the new one in "
                + "that file); JGit said: " + remoteSaid;
    }

    /** The sentence oncall reads for a refusal. */
    public static String explain(PushOutcome.Status status, String remoteSaid) {
        return switch (status) {
            case DENIED_AUTHORIZATION -> "the remote refused the push: authorization failed (check the credentials, "
                    + "GITOPS_USERNAME/GITOPS_TOKEN or the SSH deploy key GITOPS_SSH_KEY_FILE, and their write access to the branch); "
                    + "remote said: " + remoteSaid;
            case DENIED_UNSIGNED -> "the remote refused the push: the branch requires signed commits (set "
                    + "prober.gitops.signing.key-file, GITOPS_SIGNING_KEY_FILE, to a key the host trusts, or pause by hand); remote said: "
                    + remoteSaid;
            case DENIED_PROTECTED -> "the remote refused the push: protected branch or server hook declined it (allow the prober "
                    + "to push to the branch, or pause by hand); remote said: " + remoteSaid;
            default -> remoteSaid;
        };
    }
}
