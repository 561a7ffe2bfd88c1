package io.torghut.prober.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ApiEndpointTest {

    @Test
    void aConfiguredUrlWinsAndTakesOnlyTheConfiguredCredentials() {
        ApiEndpoint endpoint = ApiEndpoint.resolve(Optional.of(URI.create("http://127.0.0.1:8001")), Optional.empty(), Optional.empty(),
                Map.of("KUBERNETES_SERVICE_HOST", "10.0.0.1", "KUBERNETES_SERVICE_PORT", "443"));
        assertEquals(new ApiEndpoint(URI.create("http://127.0.0.1:8001"), Optional.empty(), Optional.empty()), endpoint);
    }

    @Test
    void inAPodTheKubeletsAddressAndTheServiceAccount() {
        ApiEndpoint endpoint = ApiEndpoint.resolve(Optional.empty(), Optional.empty(), Optional.empty(),
                Map.of("KUBERNETES_SERVICE_HOST", "10.96.0.1", "KUBERNETES_SERVICE_PORT", "6443"));
        assertEquals(URI.create("https://10.96.0.1:6443"), endpoint.base());
        assertEquals(Optional.of(Path.of("/var/run/secrets/kubernetes.io/serviceaccount/token")), endpoint.tokenFile());
        assertEquals(Optional.of(Path.of("/var/run/secrets/kubernetes.io/serviceaccount/ca.crt")), endpoint.caFile());
    }

    @Test
    void anIpv6ServiceHostIsBracketed() {
        assertEquals(URI.create("https://[fd00::1]:443"), ApiEndpoint.resolve(Optional.empty(), Optional.empty(), Optional.empty(),
                Map.of("KUBERNETES_SERVICE_HOST", "fd00::1")).base());
    }

    @Test
    void configuredFilesReplaceTheServiceAccountOnes() {
        ApiEndpoint endpoint = ApiEndpoint.resolve(Optional.empty(), Optional.of(Path.of("/t")), Optional.of(Path.of("/c")),
                Map.of("KUBERNETES_SERVICE_HOST", "10.96.0.1"));
        assertEquals(Optional.of(Path.of("/t")), endpoint.tokenFile());
        assertEquals(Optional.of(Path.of("/c")), endpoint.caFile());
    }

    @Test
    void outsideAPodWithNothingConfiguredTheInClusterName() {
        assertEquals(URI.create("https://kubernetes.default.svc"),
                ApiEndpoint.resolve(Optional.empty(), Optional.empty(), Optional.empty(), Map.of()).base());
    }
}
