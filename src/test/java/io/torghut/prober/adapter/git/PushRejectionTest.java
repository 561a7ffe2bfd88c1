package io.torghut.prober.adapter.git;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What hosts answer to a rejected ref update, and which of those a retry resolves. */
class PushRejectionTest {

    @ParameterizedTest(name = "{0} / {1} -> {2}")
    @CsvSource(delimiter = '|', nullValues = "NULL", value = {
        "failed to update ref | '' | REJECTED",
        "failed to lock | '' | REJECTED",
        "cannot lock ref 'refs/heads/main': is at 1 but expected 2 | '' | REJECTED",
        "stale info | '' | REJECTED",
        "fetch first | '' | REJECTED",
        "non-fast-forward | '' | REJECTED",
        "failed to update ref | remote: permission hint printed by a hook | REJECTED",
        "some reason nobody wrote down | '' | REJECTED",
        "NULL | NULL | REJECTED",
        "pre-receive hook declined | '' | DENIED_PROTECTED",
        "protected branch hook declined | GH006: Protected branch update failed | DENIED_PROTECTED",
        "hook declined | '' | DENIED_PROTECTED",
        "declined by policy | '' | DENIED_PROTECTED",
        "permission denied | '' | DENIED_AUTHORIZATION",
        "User permission denied for writing. | '' | DENIED_AUTHORIZATION",
        "refusing to allow a token without write access | '' | DENIED_AUTHORIZATION",
        "forbidden | '' | DENIED_AUTHORIZATION",
    })
    void classify(String reason, String messages, PushOutcome.Status expected) {
        assertEquals(expected, PushRejection.classify(reason, messages));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "http://127.0.0.1:1/gitops.git: not authorized | true",
        "Authentication is required but no CredentialsProvider has been registered | true",
        "git-receive-pack not permitted on 'http://h/x' | true",
        "http://h/x: 403 Forbidden | true",
        "Connection refused | false",
        "Read timed out after 20,000 ms | false",
    })
    void authorizationFailures(String message, boolean authorization) {
        assertEquals(authorization, PushRejection.isAuthorizationFailure(message));
    }
}
