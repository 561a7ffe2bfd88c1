package io.torghut.prober.feature.pause;

import java.util.Random;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Generated-input tests in plain JUnit: each property runs {@code tries} inputs drawn from a {@link Random} seeded from
 * one run seed and the property's name, so every property is replayable alone. The run seed is random unless the
 * system property {@value #SEED_PROPERTY} gives it; it is printed, and a failure names it with the failing try and
 * input, so {@code -Dpause.properties.seed=<seed>} reproduces the run.
 */
public final class Seeded {
    static final String SEED_PROPERTY = "pause.properties.seed";
    static final long RUN_SEED = Long.getLong(SEED_PROPERTY, new Random().nextLong());

    static {
        System.out.printf("PAUSE_PROPERTIES seed %d (replay with -D%s=%d)%n", RUN_SEED, SEED_PROPERTY, RUN_SEED);
    }

    private Seeded() {
    }

    /** Runs {@code property} on {@code tries} inputs from {@code generator}. */
    public static <T> void forAll(String name, int tries, Function<Random, T> generator, Consumer<T> property) {
        Random random = new Random(RUN_SEED ^ name.hashCode() * 0x9E3779B97F4A7C15L);
        for (int i = 0; i < tries; i++) {
            T input = generator.apply(random);
            try {
                property.accept(input);
            } catch (AssertionError | RuntimeException e) {
                throw new AssertionError(String.format("property %s failed at try %d of %d with seed %d (replay: -D%s=%d); input: %s",
                        name, i + 1, tries, RUN_SEED, SEED_PROPERTY, RUN_SEED, show(input)), e);
            }
        }
    }

    private static String show(Object input) {
        String text = input instanceof byte[] bytes ? new String(bytes, java.nio.charset.StandardCharsets.UTF_8) : String.valueOf(input);
        StringBuilder out = new StringBuilder();
        text.codePoints().limit(2000).forEach(c -> out.append(c >= 0x20 && c < 0x7F ? Character.toString(c) : String.format("\\u{%x}", c)));
        return out.toString();
    }
}
