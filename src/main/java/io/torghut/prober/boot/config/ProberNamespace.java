package io.torghut.prober.boot.config;

import io.smallrye.config.ConfigMapping;

/**
 * Owns the {@code prober} namespace and reads nothing itself: every key lives in the mapping of its concern
 * ({@code prober.torghut}, {@code prober.pause}, ...). SmallRye refuses a key under a mapping's prefix that no mapping
 * reads, so with this root a misspelt or removed concern ({@code prober.unknown-key}, {@code prober.kubrenetes.interval})
 * stops startup naming the key, as a misspelt key inside a concern does.
 */
@ConfigMapping(prefix = "prober")
public interface ProberNamespace {
}
