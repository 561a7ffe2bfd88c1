package io.torghut.prober.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The README is a page of links into {@code docs/}: every relative link in a Markdown file of the repository must lead
 * to a file that exists and, when it names an anchor, to a heading of that file (read as GitHub makes anchors).
 */
class DocsLinksTest {
    /**
     * Link targets another branch of work writes, allowed to be missing until it lands. Each entry fails the test once
     * its file exists, so that it is removed then and the link is checked like any other.
     */
    private static final Map<String, String> PENDING = Map.of();

    private static final Pattern LINK = Pattern.compile("\\[[^\\]]*]\\(([^)\\s]+)\\)");
    private static final Pattern FENCE = Pattern.compile("(?ms)^```.*?^```[^\\n]*$");
    private static final Pattern HEADING = Pattern.compile("(?m)^#{1,6} +(.+?) *#*$");

    @Test
    void everyRelativeLinkLeadsToAFileAndHeadingThatExist() throws IOException {
        List<Path> pages = markdownFiles();
        assertTrue(pages.contains(Path.of("README.md")) && pages.stream().anyMatch(p -> p.startsWith("docs")), "pages: " + pages);
        List<String> broken = new ArrayList<>();
        int checked = 0;
        for (Path page : pages) {
            Matcher link = LINK.matcher(FENCE.matcher(Files.readString(page)).replaceAll(""));
            while (link.find()) {
                String target = link.group(1);
                if (target.matches("^[a-z][a-z0-9+.-]*:.*")) {
                    continue; // https:, mailto:: not a file of this repository
                }
                checked++;
                String problem = problem(page, target);
                if (problem != null) {
                    broken.add(page + ": (" + target + ") " + problem);
                }
            }
        }
        assertTrue(checked > 40, "links checked: " + checked);
        assertEquals(List.of(), broken, "broken links");
    }

    @Test
    void aPendingTargetIsListedOnlyWhileItIsMissing() {
        PENDING.forEach((target, why) -> assertFalse(Files.exists(Path.of(target)),
                target + " exists now: remove it from DocsLinksTest.PENDING (" + why + ")"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "The trading pause (`/pause`)              | the-trading-pause-pause",
        "The pause's state                         | the-pauses-state",
        "ADR-24-1: Crashloop root causes are handled via GitOps rollback first | adr-24-1-crashloop-root-causes-are-handled-via-gitops-rollback-first",
        "How the native executable got lean (history) | how-the-native-executable-got-lean-history",
        "Procedure C: Dependency Failures (ClickHouse/Postgres) | procedure-c-dependency-failures-clickhousepostgres",
    })
    void anchorsAreMadeAsGitHubMakesThem(String heading, String anchor) {
        assertEquals(anchor, slug(heading));
    }

    /** Why the link is broken, or null when it leads somewhere. */
    private static String problem(Path page, String target) {
        int hash = target.indexOf('#');
        String file = hash < 0 ? target : target.substring(0, hash);
        String anchor = hash < 0 ? null : target.substring(hash + 1);
        Path resolved = file.isEmpty() ? page : page.resolveSibling(file).normalize();
        if (!Files.exists(resolved)) {
            return PENDING.containsKey(resolved.toString().replace('\\', '/')) ? null : "no such file: " + resolved;
        }
        if (anchor != null && !anchors(resolved).contains(anchor)) {
            return "no heading #" + anchor + " in " + resolved + " (its anchors: " + anchors(resolved) + ")";
        }
        return null;
    }

    /** The anchors GitHub gives the headings of a Markdown file: slugs, a repeated one suffixed -1, -2, ... */
    private static Set<String> anchors(Path file) {
        if (!file.toString().endsWith(".md")) {
            return Set.of();
        }
        try {
            Set<String> anchors = new HashSet<>();
            Map<String, Integer> seen = new HashMap<>();
            Matcher heading = HEADING.matcher(FENCE.matcher(Files.readString(file)).replaceAll(""));
            while (heading.find()) {
                String slug = slug(heading.group(1));
                int n = seen.merge(slug, 1, Integer::sum) - 1;
                anchors.add(n == 0 ? slug : slug + "-" + n);
            }
            return anchors;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** GitHub's heading anchor: lower case, punctuation dropped (hyphens and underscores kept), spaces to hyphens. */
    static String slug(String heading) {
        return heading.strip().toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N} _-]", "").replace(' ', '-');
    }

    private static List<Path> markdownFiles() throws IOException {
        try (Stream<Path> files = Files.walk(Path.of("."))) {
            return files.map(p -> Path.of(".").relativize(p))
                    .filter(p -> p.toString().endsWith(".md"))
                    .filter(p -> !p.startsWith("target") && !p.startsWith(".git") && !p.startsWith(".mvn"))
                    .sorted()
                    .toList();
        }
    }
}
