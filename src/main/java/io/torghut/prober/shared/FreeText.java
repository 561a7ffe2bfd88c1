package io.torghut.prober.shared;

/**
 * Text from outside (webhook fields, git and Kubernetes messages) made safe to write where a human reads it: commit
 * messages, Kubernetes Events, logs, /diagnose. It removes what could hide or reorder text on screen, so that what a
 * reviewer sees is what was written: Unicode format characters ({@link Character#FORMAT}: bidi embeddings, overrides
 * and isolates U+202A..U+202E and U+2066..U+2069, zero-width U+200B..U+200F, U+FEFF, soft hyphen, tag characters),
 * unpaired surrogates, noncharacters and unassigned code points, and the blank Hangul fillers. Control characters
 * (C0, C1, U+2028, U+2029) become one space in a line and are dropped in a block, except the newline a block keeps.
 * Idempotent; pure.
 */
public final class FreeText {
    /** Appended where text was cut. */
    public static final String ELLIPSIS = "…";

    private FreeText() {
    }

    /** One line: every run of line breaks and other controls becomes one space; trimmed. */
    public static String line(String text) {
        return clean(text, false).strip();
    }

    /** {@link #line(String)}, cut to at most {@code max} chars plus {@link #ELLIPSIS}, never inside a surrogate pair. */
    public static String line(String text, int max) {
        return cut(line(text), max);
    }

    /**
     * Several lines (a commit message): CR LF and CR become LF, the other controls are dropped, trailing blanks of each
     * line go. The line structure is the caller's; no line of the input can hide another.
     */
    public static String lines(String text) {
        String unified = text == null ? "" : text.replace("\r\n", "\n").replace('\r', '\n');
        return clean(unified, true).replaceAll("[ \\t]+\n", "\n");
    }

    /** Whether {@code codePoint} hides or reorders text and is removed everywhere. */
    public static boolean hidden(int codePoint) {
        int type = Character.getType(codePoint);
        return type == Character.FORMAT || type == Character.SURROGATE || type == Character.UNASSIGNED
                || (codePoint & 0xFFFE) == 0xFFFE || (codePoint >= 0xFDD0 && codePoint <= 0xFDEF)
                || codePoint == 0x115F || codePoint == 0x1160 || codePoint == 0x3164 || codePoint == 0xFFA0;
    }

    /** Whether {@code codePoint} breaks or controls a line: C0, DEL, C1, U+2028, U+2029. */
    public static boolean control(int codePoint) {
        return Character.getType(codePoint) == Character.CONTROL || codePoint == 0x2028 || codePoint == 0x2029;
    }

    /** Whether {@code text} is already as {@link #line(String)} would leave it (apart from trimming and length). */
    public static boolean isClean(String text) {
        return text.codePoints().noneMatch(c -> hidden(c) || control(c));
    }

    private static String clean(String text, boolean keepNewlines) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        boolean pendingSpace = false;
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            i += Character.charCount(c);
            if (hidden(c)) {
                continue;
            }
            if (keepNewlines && c == '\n') {
                pendingSpace = false;
                out.append('\n');
            } else if (control(c)) {
                pendingSpace = !keepNewlines;
            } else {
                if (pendingSpace && out.length() > 0 && out.charAt(out.length() - 1) != ' ') {
                    out.append(' ');
                }
                pendingSpace = false;
                out.appendCodePoint(c);
            }
        }
        if (pendingSpace) {
            out.append(' ');
        }
        return out.toString();
    }

    private static String cut(String text, int max) {
        return cut(text, max, ELLIPSIS);
    }

    /**
     * {@code text} as it is when it has at most {@code max} chars, else its first {@code max} chars plus {@code marker},
     * never ending inside a surrogate pair (an emoji in a reason or a log line must not become a lone surrogate). The
     * one place where text from outside is shortened; it cleans nothing, so callers keep their own rules.
     */
    public static String cut(String text, int max, String marker) {
        if (text.length() <= max) {
            return text;
        }
        int end = max > 0 && Character.isHighSurrogate(text.charAt(max - 1)) && Character.isLowSurrogate(text.charAt(max)) ? max - 1 : max;
        return text.substring(0, end) + marker;
    }
}
