package io.torghut.prober.adapter.kubernetes;

import io.fabric8.kubernetes.api.model.NamedContext;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.internal.KubeConfigUtils;
import io.torghut.prober.shared.ConfigProblem;
import java.io.File;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How the prober reaches the Kubernetes API: exactly one of three routes, each chosen by a setting, so that no
 * kubeconfig is ever read because it happens to lie in {@code ~/.kube} or {@code $KUBECONFIG}. fabric8's (and the
 * Quarkus extension's) default, {@code Config.autoConfigure}, reads the kubeconfig's current context and the
 * environment; the prober builds its {@link Config} here instead, from nothing.
 * <ol>
 * <li>{@code prober.kubernetes.api-server-url}: that URL, no credentials (e.g. {@code kubectl proxy}).</li>
 * <li>{@code prober.kubernetes.context}: that context of the kubeconfig ({@code prober.kubernetes.kubeconfig}, else the
 * first file of {@code $KUBECONFIG}, else {@code ~/.kube/config}); a context the file does not have is refused, never
 * replaced by the current one.</li>
 * <li>neither: in-cluster, {@code https://$KUBERNETES_SERVICE_HOST:$KUBERNETES_SERVICE_PORT} with the pod's
 * ServiceAccount CA and token (the token re-read, {@link ServiceAccountToken}).</li>
 * </ol>
 */
public final class ApiRoute {
    static final Path SERVICE_ACCOUNT = Path.of("/var/run/secrets/kubernetes.io/serviceaccount");
    /** What client-go and fabric8 fall back to: the API Service's in-cluster name. */
    static final String DEFAULT_BASE = "https://kubernetes.default.svc";

    /** The route's inputs. */
    public record Settings(Optional<URI> apiServerUrl, Optional<String> context, Optional<String> kubeconfig, Duration timeout) {
        static Settings of(KubernetesConfig config) {
            return new Settings(config.apiServerUrl(), config.context(), config.kubeconfig(), config.timeout());
        }
    }

    private ApiRoute() {
    }

    /** The client configuration for {@code settings}; {@code env} is the process environment. */
    public static Config config(Settings settings, Map<String, String> env) {
        Config config = settings.context().isPresent() ? kubeconfig(settings, env)
                : settings.apiServerUrl().map(ApiRoute::url).orElseGet(() -> inCluster(env, SERVICE_ACCOUNT));
        int millis = (int) Math.max(BoundedClient.MIN_TIMEOUT.toMillis(), Math.min(Integer.MAX_VALUE, settings.timeout().toMillis()));
        // One timeout per request and no hidden retries: the prober's schedule is the retry. The adapters derive
        // clients with their own timeouts from this one (BoundedClient).
        config.setRequestTimeout(millis);
        config.setConnectionTimeout(millis);
        config.setRequestRetryBackoffLimit(0);
        // HTTP/1.1 as client-go's proxies and the stand-ins speak it; a dozen requests a minute need no multiplexing.
        config.setHttp2Disable(true);
        return config;
    }

    /** Fails with the key when the route cannot be used; run at startup. */
    static void check(Settings settings, Map<String, String> env) {
        if (settings.context().isPresent()) {
            if (settings.apiServerUrl().isPresent()) {
                throw new ConfigProblem("prober.kubernetes.context",
                        "set either prober.kubernetes.api-server-url or prober.kubernetes.context, not both");
            }
            kubeconfigWithContext(settings, env);
        }
    }

    private static Config url(URI url) {
        Config config = Config.empty();
        config.setMasterUrl(url.toString());
        return config;
    }

    static Config inCluster(Map<String, String> env, Path serviceAccount) {
        String host = env.getOrDefault("KUBERNETES_SERVICE_HOST", "");
        Config config = Config.empty();
        config.setMasterUrl(host.isBlank() ? DEFAULT_BASE
                : "https://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + env.getOrDefault("KUBERNETES_SERVICE_PORT", "443"));
        Path ca = serviceAccount.resolve("ca.crt");
        if (Files.isReadable(ca)) {
            config.setCaCertFile(ca.toString());
        }
        config.setOauthTokenProvider(new ServiceAccountToken(serviceAccount.resolve("token")));
        return config;
    }

    private static Config kubeconfig(Settings settings, Map<String, String> env) {
        check(settings, env);
        return Config.fromKubeconfig(settings.context().get(), kubeconfigWithContext(settings, env));
    }

    /** The kubeconfig file, checked to hold the named context (fabric8 would fall back to the current one). */
    private static File kubeconfigWithContext(Settings settings, Map<String, String> env) {
        String context = settings.context().get();
        File file = kubeconfigFile(settings.kubeconfig(), env).toFile();
        if (!file.isFile()) {
            throw new ConfigProblem(settings.kubeconfig().isPresent() ? "prober.kubernetes.kubeconfig" : "prober.kubernetes.context",
                    "no kubeconfig file at " + file + " for context " + context);
        }
        List<String> contexts;
        try {
            contexts = KubeConfigUtils.parseConfig(file).getContexts().stream().map(NamedContext::getName).toList();
        } catch (RuntimeException e) {
            throw new ConfigProblem("prober.kubernetes.kubeconfig", "cannot read the kubeconfig " + file);
        }
        if (!contexts.contains(context)) {
            throw new ConfigProblem("prober.kubernetes.context", "the kubeconfig " + file + " has no context " + context
                    + " (it has: " + String.join(", ", contexts) + ")");
        }
        return file;
    }

    static Path kubeconfigFile(Optional<String> configured, Map<String, String> env) {
        if (configured.isPresent()) {
            return Path.of(configured.get());
        }
        String fromEnv = env.getOrDefault("KUBECONFIG", "");
        if (!fromEnv.isBlank()) {
            return Path.of(fromEnv.split(File.pathSeparator)[0]);
        }
        return Path.of(env.getOrDefault("HOME", System.getProperty("user.home")), ".kube", "config");
    }
}
