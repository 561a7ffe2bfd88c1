package io.torghut.prober.adapter.git;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** The last check before a commit: exactly the one intended change of the one intended file, or a refusal saying why. */
class StagedChangeCheckTest {
    static final String PATH = "k/ksvc.yaml";
    static final String BEFORE = "env:\n  - name: TRADING_ENABLED\n    value: \"true\"   # pause here\n  - name: B\n    value: \"1\"\n";
    static final String AFTER = BEFORE.replace("\"true\"", "\"false\"");

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("the intended edit", List.of(PATH), false, BEFORE, AFTER, ""),
                Arguments.of("unchanged tree", List.of(), false, BEFORE, BEFORE, "nothing to commit: the staged tree equals HEAD"),
                Arguments.of("another file too", List.of(PATH, "other.yaml"), false, BEFORE, AFTER,
                        "the commit would change [k/ksvc.yaml, other.yaml], not only k/ksvc.yaml"),
                Arguments.of("another file only", List.of("other.yaml"), false, BEFORE, AFTER,
                        "the commit would change [other.yaml], not only k/ksvc.yaml"),
                Arguments.of("mode change", List.of(PATH), true, BEFORE, AFTER, "the commit would change the file mode of k/ksvc.yaml"),
                Arguments.of("HEAD moved under the edit", List.of(PATH), false, BEFORE.replace("\"1\"", "\"2\""), AFTER,
                        "k/ksvc.yaml at HEAD is not, byte for byte, the UTF-8 text the edit was made from"),
                Arguments.of("staged bytes differ (a filter, CRLF)", List.of(PATH), false, BEFORE, AFTER.replace("\n", "\r\n"),
                        "the staged k/ksvc.yaml is not, byte for byte, the edited text"),
                Arguments.of("two lines changed", List.of(PATH), false, BEFORE, AFTER.replace("\"1\"", "\"2\""),
                        "the edit of k/ksvc.yaml changes line 'value: \"1\"', which is not TRADING_ENABLED's"),
                Arguments.of("the comment changed too", List.of(PATH), false, BEFORE, AFTER.replace("pause here", "paused"),
                        "the edit of k/ksvc.yaml changes more of line 'value: \"true\"   # pause here' than the value (to 'value: \"false\"   # paused')"),
                Arguments.of("the name changed", List.of(PATH), false, BEFORE, BEFORE.replace("name: TRADING_ENABLED", "name: TRADING_ENABLEX"),
                        "the edit of k/ksvc.yaml changes more of line '- name: TRADING_ENABLED' than the value (to '- name: TRADING_ENABLEX')"),
                Arguments.of("set to true", List.of(PATH), false, AFTER, BEFORE,
                        "the edit of k/ksvc.yaml changes more of line 'value: \"false\"   # pause here' than the value (to 'value: \"true\"   # pause here')"),
                Arguments.of("a foreign line inserted", List.of(PATH), false, BEFORE, BEFORE + "  - name: EVIL\n",
                        "the edit of k/ksvc.yaml inserts a line that is not TRADING_ENABLED's: - name: EVIL"),
                Arguments.of("only the final line break", List.of(PATH), false, BEFORE, BEFORE.substring(0, BEFORE.length() - 1),
                        "the edit of k/ksvc.yaml changes no line"),
                Arguments.of("a line deleted", List.of(PATH), false, BEFORE, BEFORE.replace("  - name: B\n", ""),
                        "the edit of k/ksvc.yaml changes 1 line(s) into 0, expected the one TRADING_ENABLED value line"),
                Arguments.of("inserted entry", List.of(PATH), false, "env:\n  - name: B\n",
                        "env:\n  - name: B\n  - name: TRADING_ENABLED\n    value: \"false\"\n", ""),
                Arguments.of("four inserted lines", List.of(PATH), false, "env:\n",
                        "env:\n  env:\n  - name: TRADING_ENABLED\n    value: \"false\"\n    value: \"false\"\n",
                        "the edit of k/ksvc.yaml changes 0 line(s) into 4, expected the one TRADING_ENABLED value line"),
                Arguments.of("flow entry added", List.of(PATH), false, "env: [{name: A, value: \"1\"}]\n",
                        "env: [{name: A, value: \"1\"}, {name: TRADING_ENABLED, value: \"false\"}]\n", ""),
                Arguments.of("flow entry with extra", List.of(PATH), false, "env: [{name: A, value: \"1\"}]\n",
                        "env: [{name: A, value: \"1\"}, {name: TRADING_ENABLED, value: \"false\", x: 1}]\n",
                        "the edit of k/ksvc.yaml changes more of line 'env: [{name: A, value: \"1\"}]' than the value (to "
                                + "'env: [{name: A, value: \"1\"}, {name: TRADING_ENABLED, value: \"false\", x: 1}]')"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void check(String name, List<String> changed, boolean modeChanged, String before, String after, String problem) {
        // before/after are what the staged tree holds; the edit was made from BEFORE to AFTER in the two cases named so.
        StagedChangeCheck.Staged staged = new StagedChangeCheck.Staged(changed, modeChanged, before, after);
        String intendedBefore = name.startsWith("HEAD") ? BEFORE : before;
        String intendedAfter = name.startsWith("staged") ? AFTER : after;
        assertEquals(problem.isEmpty() ? Optional.empty() : Optional.of(problem),
                StagedChangeCheck.problem(staged, PATH, intendedBefore, intendedAfter));
    }

    /** The one changed line: only the value may become false, or a flow entry for TRADING_ENABLED may be appended. */
    @ParameterizedTest(name = "{0} -> {1}: {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "value: \"true\"|value: \"false\"|true",
        "value: 'on'   # pause here|value: 'false'   # pause here|true",
        "`value: `|value: \"false\"|true",
        "value: x|value: false x|false",
        "value: \"true\" # a|value: \"false\" # b|false",
        "env: [{name: A, value: \"1\"}]|env: [{name: A, value: \"1\"}, {name: TRADING_ENABLED, value: \"false\"}]|true",
        "env: [{name: A, value: \"1\"}|env: [{name: A, value: \"1\"}, {name: TRADING_ENABLED, value: \"false\"}|true",
        "env: []|env: [{name: TRADING_ENABLED, value: \"false\"}]|true",
        "- {name: TRADING_ENABLED}|- {name: TRADING_ENABLED, value: \"false\"}|true",
        "env: [{name: A, value: \"1\"}]|env: [{name: B, value: \"false\"}]|false",
        "value: false x|value: false|false",
        "x: \"false\"\"|x: \"false\"|false",
    })
    void onlyTheValueChanges(String old, String now, boolean accepted) {
        assertEquals(accepted, StagedChangeCheck.valueLine(old, now));
    }
}
