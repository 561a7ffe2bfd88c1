package io.torghut.prober.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A Dockerfile read as its instructions: comments dropped, continuation lines joined, keyword upper-cased. Unknown
 * keywords are an error, as they are for {@code docker build}.
 */
record Dockerfile(Path path, List<Instruction> instructions) {
    private static final Set<String> KEYWORDS = Set.of("FROM", "RUN", "CMD", "LABEL", "EXPOSE", "ENV", "ADD", "COPY", "ENTRYPOINT",
            "VOLUME", "USER", "WORKDIR", "ARG", "ONBUILD", "STOPSIGNAL", "HEALTHCHECK", "SHELL");

    /** One instruction: its keyword and the rest of the (joined) line. */
    record Instruction(String keyword, String arguments) {
    }

    static Dockerfile parse(Path path) {
        List<Instruction> instructions = new ArrayList<>();
        StringBuilder pending = new StringBuilder();
        try {
            for (String line : Files.readAllLines(path)) {
                String trimmed = line.strip();
                if (pending.isEmpty() && (trimmed.isEmpty() || trimmed.startsWith("#"))) {
                    continue;
                }
                if (trimmed.endsWith("\\")) {
                    pending.append(trimmed, 0, trimmed.length() - 1).append(' ');
                    continue;
                }
                pending.append(trimmed);
                instructions.add(instruction(path, pending.toString()));
                pending.setLength(0);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!pending.isEmpty()) {
            throw new IllegalArgumentException(path + ": the last instruction ends with a line continuation");
        }
        return new Dockerfile(path, instructions);
    }

    private static Instruction instruction(Path path, String line) {
        String[] parts = line.split("\\s+", 2);
        String keyword = parts[0].toUpperCase(java.util.Locale.ROOT);
        if (!KEYWORDS.contains(keyword) || parts.length < 2) {
            throw new IllegalArgumentException(path + ": not a Dockerfile instruction: " + line);
        }
        return new Instruction(keyword, parts[1]);
    }

    List<Instruction> all(String keyword) {
        return instructions.stream().filter(i -> i.keyword().equals(keyword)).toList();
    }

    /** COPY/ADD sources, with their flags (--chown=...) removed; the last word is the destination. */
    static List<String> sources(Instruction copy) {
        List<String> words = new ArrayList<>(List.of(copy.arguments().split("\\s+")));
        words.removeIf(w -> w.startsWith("--"));
        return words.subList(0, words.size() - 1);
    }
}
