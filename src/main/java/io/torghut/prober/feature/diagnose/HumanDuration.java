package io.torghut.prober.feature.diagnose;

/**
 * Ages as kubectl prints them ({@code 42s}, {@code 2m}, {@code 9m59s}, {@code 150m}, {@code 5h30m}, {@code 3d}):
 * whole seconds first (rounded), then each larger unit truncated, so that 119.6 s reads {@code 2m} and a 30 s max age
 * reads {@code 30s}, never {@code 0m}.
 */
public final class HumanDuration {
    private HumanDuration() {
    }

    public static String of(double seconds) {
        long s = Math.max(0, Math.round(seconds));
        if (s < 120) {
            return s + "s";
        }
        long minutes = s / 60;
        if (minutes < 10) {
            return s % 60 == 0 ? minutes + "m" : minutes + "m" + s % 60 + "s";
        }
        if (minutes < 180) {
            return minutes + "m";
        }
        long hours = minutes / 60;
        if (hours < 8) {
            return minutes % 60 == 0 ? hours + "h" : hours + "h" + minutes % 60 + "m";
        }
        if (hours < 48) {
            return hours + "h";
        }
        long days = hours / 24;
        return days < 8 && hours % 24 != 0 ? days + "d" + hours % 24 + "h" : days + "d";
    }
}
