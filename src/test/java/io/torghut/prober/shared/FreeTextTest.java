package io.torghut.prober.shared;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class FreeTextTest {

    /** Every character the issue names, plus the rest of the format category and the invisible fillers. */
    static IntStream hiddenCharacters() {
        return IntStream.of(0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2067, 0x2068, 0x2069, 0x200B, 0x200C, 0x200D,
                0x200E, 0x200F, 0xFEFF, 0x00AD, 0x061C, 0x2060, 0x2061, 0x2064, 0xFFF9, 0xFFFB, 0xE0001, 0xE0041, 0xE007F,
                0xD800, 0xDFFF, 0xFFFE, 0xFFFF, 0xFDD0, 0x10FFFF, 0x115F, 0x1160, 0x3164, 0xFFA0);
    }

    @ParameterizedTest
    @MethodSource("hiddenCharacters")
    void hiddenCharactersAreRemovedFromLinesAndBlocks(int codePoint) {
        String hostile = "pa" + Character.toString(codePoint) + "used" + Character.toString(codePoint);
        assertEquals("paused", FreeText.line(hostile), () -> Integer.toHexString(codePoint));
        assertEquals("paused\nok", FreeText.lines(hostile + "\n" + Character.toString(codePoint) + "ok"));
        assertTrue(FreeText.hidden(codePoint));
        assertFalse(FreeText.isClean(hostile));
    }

    @Test
    void everyFormatCharacterOfTheBasicPlaneIsHidden() {
        IntStream.rangeClosed(0, 0xFFFF).filter(c -> Character.getType(c) == Character.FORMAT)
                .forEach(c -> assertEquals("", FreeText.line(Character.toString(c)), Integer.toHexString(c)));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "TA stale\\nsince 09:41|TA stale since 09:41",
            "a\\r\\n\\r\\nb|a b",
            "tab\\tseparated|tab separated",
            "bell\\u0007nul\\u0000|bell nul",
            "c1\\u0085next\\u009bline|c1 next line",
            "para\\u2028graph\\u2029end|para graph end",
            "  padded\\n|padded",
            "\\u202Eevil\\u202C|evil",
            "quote \" stays|quote \" stays",
            "émoji 🚨 and 中文 stay|émoji 🚨 and 中文 stay"})
    void lineKeepsVisibleTextOnOneLine(String escaped, String expected) {
        assertEquals(expected, FreeText.line(unescape(escaped)));
    }

    @Test
    void blocksKeepOnlyNewlines() {
        assertEquals("Why:\n- a b\n- c\n", FreeText.lines("Why:\r\n- a\u0000 b\u202E\r- c \t\n"));
        assertEquals("x\n\ny", FreeText.lines("x\u2028\n\ny"));
    }

    @Test
    void cuttingNeverSplitsASurrogatePair() {
        String text = "x".repeat(9) + "🚨🚨";
        assertEquals("x".repeat(9) + FreeText.ELLIPSIS, FreeText.line(text, 10));
        assertEquals("x".repeat(9) + "🚨" + FreeText.ELLIPSIS, FreeText.line(text, 11));
        assertEquals("short", FreeText.line("short", 10));
        assertTrue(FreeText.isClean(FreeText.line(text, 10)));
    }

    @Test
    void nullIsEmptyAndCleaningIsIdempotent() {
        assertEquals("", FreeText.line(null));
        assertEquals("", FreeText.lines(null));
        String once = FreeText.line("a\u202E\nb\u0000 c");
        assertEquals(once, FreeText.line(once));
    }

    private static String unescape(String text) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c != '\\') {
                out.append(c);
                continue;
            }
            char next = text.charAt(++i);
            switch (next) {
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 't' -> out.append('\t');
                case 'u' -> {
                    out.append((char) Integer.parseInt(text.substring(i + 1, i + 5), 16));
                    i += 4;
                }
                default -> out.append(next);
            }
        }
        return out.toString();
    }

    /** Emoji (a surrogate pair) right at the cut, before it, after it; short and exact-length text stays as it is. */
    static java.util.stream.Stream<org.junit.jupiter.params.provider.Arguments> cuts() {
        String face = "\uD83D\uDE00"; // one code point, two chars
        return java.util.stream.Stream.of(
                org.junit.jupiter.params.provider.Arguments.of("abc", 5, "...", "abc"),
                org.junit.jupiter.params.provider.Arguments.of("abcde", 5, "...", "abcde"),
                org.junit.jupiter.params.provider.Arguments.of("abcdef", 5, "...", "abcde..."),
                org.junit.jupiter.params.provider.Arguments.of("abcd" + face + "x", 5, "…", "abcd…"),
                org.junit.jupiter.params.provider.Arguments.of("abc" + face + "x", 5, "…", "abc" + face + "…"),
                org.junit.jupiter.params.provider.Arguments.of(face + face + face, 3, "", face),
                org.junit.jupiter.params.provider.Arguments.of(face + face, 1, "", ""),
                org.junit.jupiter.params.provider.Arguments.of("reason: stale " + face, 15, "…", "reason: stale …"));
    }

    @ParameterizedTest(name = "[{index}] max {1}")
    @MethodSource("cuts")
    void aCutNeverSplitsASurrogatePair(String text, int max, String marker, String expected) {
        String cut = FreeText.cut(text, max, marker);
        assertEquals(expected, cut);
        String kept = cut.substring(0, cut.length() - (cut.equals(text) ? 0 : marker.length()));
        assertTrue(kept.length() <= max, kept);
        assertTrue(kept.codePoints().noneMatch(c -> Character.getType(c) == Character.SURROGATE), "no lone surrogate in " + kept);
    }
}
