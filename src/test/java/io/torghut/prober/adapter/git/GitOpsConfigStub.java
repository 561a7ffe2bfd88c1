package io.torghut.prober.adapter.git;

import java.time.Duration;
import java.util.Optional;

/** GitOps settings for tests that build the repository the way the application does. */
public record GitOpsConfigStub(String workDir, String tokenValue) implements GitOpsConfig {
    public Optional<String> repoUrl() {
        return Optional.empty();
    }

    public String branch() {
        return "main";
    }

    public String manifestPath() {
        return BareRepo.PATH;
    }

    public Optional<String> token() {
        return Optional.of(tokenValue);
    }

    public Optional<String> sshKeyFile() {
        return Optional.empty();
    }

    public Optional<String> sshKnownHostsFile() {
        return Optional.empty();
    }

    public Signing signing() {
        return new Signing() {
            public Optional<String> keyFile() {
                return Optional.empty();
            }

            public Optional<String> passphrase() {
                return Optional.empty();
            }

            public SigningFormat format() {
                return SigningFormat.OPENPGP;
            }
        };
    }

    public String username() {
        return "x-access-token";
    }

    public String authorName() {
        return "torghut-prober";
    }

    public String authorEmail() {
        return "p@example.com";
    }

    public Optional<String> container() {
        return Optional.empty();
    }

    public Duration timeout() {
        return Duration.ofSeconds(3);
    }

    public int pushAttempts() {
        return 3;
    }

    public Duration refreshEvery() {
        return Duration.ofMinutes(1);
    }
}
