package io.torghut.prober.adapter.git;

import io.torghut.prober.shared.Contract;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.eclipse.jgit.diff.Edit;
import org.eclipse.jgit.diff.EditList;
import org.eclipse.jgit.diff.HistogramDiff;
import org.eclipse.jgit.diff.RawText;
import org.eclipse.jgit.diff.RawTextComparator;

/**
 * The last look before a pause commit is written: the staged tree against HEAD must differ in exactly the manifest,
 * with the same file mode, from exactly the text the edit was made from to exactly the edited text, and the lines
 * that differ must be the one {@code TRADING_ENABLED} value (or, when the variable was absent, only the inserted
 * {@code env:} / {@code name:} / {@code value:} lines). Anything else is refused with the reason. Independent of the
 * editor and its {@code EditVerifier}, so that a wrong splice, a filter or a stray file cannot reach git. Pure.
 */
public final class StagedChangeCheck {
    private static final int MAX_INSERTED_LINES = 3;
    private static final Pattern INSERTED_LINE = Pattern.compile(
            "^\\s*(-\\s+)?(env:|name: " + Contract.TRADING_ENABLED + "|value: \"false\")\\s*$");
    private static final Pattern FALSE = Pattern.compile("\"false\"|'false'|\\bfalse\\b");
    /** A scalar value: plain, quoted, or a block scalar with its lines. */
    private static final Pattern SCALAR = Pattern.compile(
            "\"[^\"\\n]*\"|'[^'\\n]*'|[^\\s#,{}\\[\\]\"':]*|[|>][-+0-9]*[ \\t]*(\\n[^\\n]*)+");
    private static final Pattern FLOW_CHUNK = Pattern.compile(
            "(, )?(env: \\[)?(\\{name: " + Contract.TRADING_ENABLED + ", )?value: \"false\"(\\})?(\\])?");

    private StagedChangeCheck() {
    }

    /**
     * What the staged tree changes against HEAD, as bytes: git stores bytes, and a decoded comparison would let a
     * changed encoding through (a Latin-1 {@code ü} read as U+FFFD and written back as UTF-8 compares equal as text).
     *
     * @param changedPaths every path whose entry differs between HEAD and the staged tree
     * @param modeChanged  whether the manifest's file mode differs
     * @param headBytes    the manifest blob at HEAD
     * @param stagedBytes  the manifest blob in the staged tree
     */
    public record Staged(List<String> changedPaths, boolean modeChanged, byte[] headBytes, byte[] stagedBytes) {
        /** From texts, encoded as the prober writes them (UTF-8). */
        public Staged(List<String> changedPaths, boolean modeChanged, String headText, String stagedText) {
            this(changedPaths, modeChanged, headText.getBytes(StandardCharsets.UTF_8), stagedText.getBytes(StandardCharsets.UTF_8));
        }
    }

    /** Empty when the staged change is exactly the intended pause edit, else the reason to refuse. */
    public static Optional<String> problem(Staged staged, String path, String before, String after) {
        if (staged.changedPaths().isEmpty()) {
            return Optional.of("nothing to commit: the staged tree equals HEAD");
        }
        if (!staged.changedPaths().equals(List.of(path))) {
            return Optional.of("the commit would change " + staged.changedPaths() + ", not only " + path);
        }
        if (staged.modeChanged()) {
            return Optional.of("the commit would change the file mode of " + path);
        }
        if (!Arrays.equals(staged.headBytes(), before.getBytes(StandardCharsets.UTF_8))) {
            return Optional.of(path + " at HEAD is not, byte for byte, the UTF-8 text the edit was made from");
        }
        if (!Arrays.equals(staged.stagedBytes(), after.getBytes(StandardCharsets.UTF_8))) {
            return Optional.of("the staged " + path + " is not, byte for byte, the edited text");
        }
        return lines(before, after).map(reason -> "the edit of " + path + " " + reason);
    }

    private static Optional<String> lines(String before, String after) {
        RawText a = raw(before);
        RawText b = raw(after);
        EditList edits = new HistogramDiff().diff(RawTextComparator.DEFAULT, a, b);
        if (edits.isEmpty()) {
            return Optional.of("changes no line");
        }
        // Usually one place; a manifest that lists the variable twice has both entries set, each checked alike.
        for (Edit edit : edits) {
            Optional<String> problem = place(a, b, edit);
            if (problem.isPresent()) {
                return problem;
            }
        }
        return Optional.empty();
    }

    private static Optional<String> place(RawText a, RawText b, Edit edit) {
        if (edit.getType() == Edit.Type.INSERT && edit.getLengthB() <= MAX_INSERTED_LINES) {
            for (int i = edit.getBeginB(); i < edit.getEndB(); i++) {
                if (!INSERTED_LINE.matcher(line(b, i)).matches()) {
                    return Optional.of("inserts a line that is not TRADING_ENABLED's: " + line(b, i).strip());
                }
            }
            return Optional.empty();
        }
        if (edit.getType() == Edit.Type.REPLACE && edit.getLengthB() == 1) {
            String old = String.join("\n", IntStream.range(edit.getBeginA(), edit.getEndA()).mapToObj(i -> line(a, i)).toList());
            String now = line(b, edit.getBeginB());
            if (!now.contains(Contract.TRADING_ENABLED) && !nearVariable(a, edit)) {
                return Optional.of("changes line '" + old.strip() + "', which is not TRADING_ENABLED's");
            }
            return valueLine(old, now) ? Optional.empty()
                    : Optional.of("changes more of line '" + old.strip() + "' than the value (to '" + now.strip() + "')");
        }
        return Optional.of("changes " + edit.getLengthA() + " line(s) into " + edit.getLengthB() + ", expected the one "
                + Contract.TRADING_ENABLED + " value line");
    }

    /** The entry's {@code name: TRADING_ENABLED} sits at most two lines from its value. */
    private static boolean nearVariable(RawText a, Edit edit) {
        for (int i = Math.max(0, edit.getBeginA() - 2); i < Math.min(a.size(), edit.getEndA() + 2); i++) {
            if (line(a, i).contains(Contract.TRADING_ENABLED)) {
                return true;
            }
        }
        return false;
    }

    /** The new line is the old one with one scalar (or block scalar) replaced by false, or with a flow entry added. */
    static boolean valueLine(String old, String now) {
        Matcher value = FALSE.matcher(now);
        while (value.find()) {
            String prefix = now.substring(0, value.start());
            String suffix = now.substring(value.end());
            if (old.length() >= prefix.length() + suffix.length() && old.startsWith(prefix) && old.endsWith(suffix)
                    && SCALAR.matcher(old.substring(prefix.length(), old.length() - suffix.length())).matches()) {
                return true;
            }
        }
        int prefix = 0;
        while (prefix < old.length() && prefix < now.length() && old.charAt(prefix) == now.charAt(prefix)) {
            prefix++;
        }
        int suffix = 0;
        while (suffix < old.length() - prefix && suffix < now.length() - prefix
                && old.charAt(old.length() - 1 - suffix) == now.charAt(now.length() - 1 - suffix)) {
            suffix++;
        }
        return prefix + suffix == old.length() && FLOW_CHUNK.matcher(now.substring(prefix, now.length() - suffix)).matches();
    }

    /** Lines as git compares them; a missing final line break is not a change of the last line. */
    private static RawText raw(String text) {
        String terminated = text.isEmpty() || text.endsWith("\n") ? text : text + (text.contains("\r\n") ? "\r\n" : "\n");
        return new RawText(terminated.getBytes(StandardCharsets.UTF_8));
    }

    private static String line(RawText text, int index) {
        String line = text.getString(index);
        return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
    }
}
