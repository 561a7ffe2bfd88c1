package io.torghut.prober.k8s;

import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Where the Kubernetes API is and how the prober proves who it is: a bearer token file (re-read, since a pod's
 * ServiceAccount token is rotated by the kubelet) and the CA that signed the server's certificate.
 */
public record ApiEndpoint(URI base, Optional<Path> tokenFile, Optional<Path> caFile) {
    static final Path SERVICE_ACCOUNT = Path.of("/var/run/secrets/kubernetes.io/serviceaccount");
    /** What client-go and fabric8 fall back to: the API Service's in-cluster name. */
    static final URI DEFAULT_BASE = URI.create("https://kubernetes.default.svc");

    /**
     * The configured URL with the configured token and CA files; else, inside a pod, the address the kubelet puts in
     * {@code KUBERNETES_SERVICE_HOST}/{@code _PORT} with the pod's ServiceAccount token and CA.
     */
    public static ApiEndpoint resolve(Optional<URI> configured, Optional<Path> tokenFile, Optional<Path> caFile,
                                      Map<String, String> env) {
        if (configured.isPresent()) {
            return new ApiEndpoint(configured.get(), tokenFile, caFile);
        }
        String host = env.getOrDefault("KUBERNETES_SERVICE_HOST", "");
        URI base = host.isBlank() ? DEFAULT_BASE
                : URI.create("https://" + (host.contains(":") ? "[" + host + "]" : host) + ":"
                + env.getOrDefault("KUBERNETES_SERVICE_PORT", "443"));
        return new ApiEndpoint(base, Optional.of(tokenFile.orElse(SERVICE_ACCOUNT.resolve("token"))),
                Optional.of(caFile.orElse(SERVICE_ACCOUNT.resolve("ca.crt"))));
    }
}
