package io.torghut.prober.feature.pause.manifest;

import io.torghut.prober.shared.Contract;
import io.torghut.prober.shared.model.TradingFlag;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.snakeyaml.engine.v2.common.FlowStyle;
import org.snakeyaml.engine.v2.common.ScalarStyle;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * Sets {@code TRADING_ENABLED} of one container of a Knative Service manifest, changing only that value: the text is
 * spliced at positions taken from a YAML parse, so comments, key order, quoting, block scalars and every other
 * container stay byte-identical. When the variable is absent it is inserted with the file's own indentation. Every
 * result is checked by parsing it again ({@link EditVerifier}). Pure: text in, text (or a refusal) out.
 */
public final class TradingFlagEditor {
    public static final String VARIABLE = Contract.TRADING_ENABLED;
    private final Optional<String> container;

    /** @param container the container to edit; empty: {@code user-container}, else the one serving the port */
    public TradingFlagEditor(Optional<String> container) {
        this.container = container;
    }

    /**
     * TRADING_ENABLED in this manifest as Kubernetes will read it (the last of duplicated entries), parsed like the live
     * value ({@link TradingFlag}); unknown when absent, not a boolean, or in a file the editor refuses.
     */
    public TradingFlag current(String text) {
        return before(set(text, false));
    }

    /** The value a pause edit ({@code set(text, false)}) found, as a flag. */
    public static TradingFlag before(ManifestEdit pause) {
        return switch (pause.outcome()) {
            case UNCHANGED -> TradingFlag.DISABLED;
            case CHANGED -> pause.previous().map(TradingFlag::parse).orElse(TradingFlag.UNKNOWN);
            case REFUSED -> TradingFlag.UNKNOWN;
        };
    }

    public ManifestEdit set(String text, boolean enabled) {
        String wanted = Boolean.toString(enabled);
        try {
            YamlText yaml = new YamlText(text);
            KnativeServiceLocator.Target target = KnativeServiceLocator.locate(text, container);
            noAnchor(target.container(), "container " + target.name());
            noMergeKey(target.container(), "container " + target.name());
            List<Splice> splices = new ArrayList<>();
            Optional<String> previous = Optional.empty();
            String where;
            NodeTuple env = YamlText.tuple(target.container(), "env");
            if (env == null) {
                splices.add(insertEnvKey(yaml, target, wanted));
                where = "inserted env with " + VARIABLE + " into container " + target.name();
            } else if (env.getValueNode() instanceof SequenceNode list) {
                noAnchor(list, "env of container " + target.name());
                List<MappingNode> entries = entries(list);
                if (entries.isEmpty()) {
                    splices.add(appendEntry(yaml, list, wanted));
                    where = "appended " + VARIABLE + " to env of container " + target.name();
                } else {
                    previous = Optional.of(editDuplicates(yaml, entries, wanted, splices));
                    where = VARIABLE + " of container " + target.name();
                }
            } else {
                throw new ManifestRefusal("env of container " + target.name() + " is not a list");
            }
            if (splices.isEmpty()) {
                return new ManifestEdit(ManifestEdit.Outcome.UNCHANGED, text, previous, where + " is already \"" + wanted + "\"");
            }
            String edited = Splice.apply(text, splices);
            EditVerifier.verify(text, edited, target, wanted);
            return new ManifestEdit(ManifestEdit.Outcome.CHANGED, edited, previous,
                    previous.map(p -> "set " + where + " from \"" + p + "\" to \"" + wanted + "\"").orElse(where));
        } catch (ManifestRefusal refusal) {
            return ManifestEdit.refused(text, refusal.getMessage());
        } catch (YamlEngineException invalid) {
            return ManifestEdit.refused(text, "not valid YAML: " + invalid.getMessage().lines().findFirst().orElse("parse error"));
        }
    }

    private static List<MappingNode> entries(SequenceNode env) throws ManifestRefusal {
        List<MappingNode> entries = new ArrayList<>();
        for (Node item : env.getValue()) {
            noMergeKey(item, "an env entry");
            if (item instanceof MappingNode entry && VARIABLE.equals(YamlText.scalar(YamlText.get(entry, "name")))) {
                noAnchor(entry, "the " + VARIABLE + " entry");
                entries.add(entry);
            }
        }
        return entries;
    }

    /**
     * Kubernetes gives the container the last of duplicated entries, so the last one decides: when it already means
     * the wanted value nothing changes; otherwise every entry is set alike, so that no reader can pick a stale one.
     * Returns the last entry's value as found.
     */
    private static String editDuplicates(YamlText yaml, List<MappingNode> entries, String wanted, List<Splice> splices)
            throws ManifestRefusal {
        List<Splice> last = new ArrayList<>();
        String found = editEntry(yaml, entries.get(entries.size() - 1), wanted, last);
        if (TradingFlag.parse(found) == TradingFlag.parse(wanted)) {
            return found;
        }
        for (MappingNode entry : entries.subList(0, entries.size() - 1)) {
            editEntry(yaml, entry, wanted, splices);
        }
        splices.addAll(last);
        return found;
    }

    /** Changes (or adds) the value of one {@code name: TRADING_ENABLED} entry; returns the value found. */
    private static String editEntry(YamlText yaml, MappingNode entry, String wanted, List<Splice> splices) throws ManifestRefusal {
        NodeTuple value = YamlText.tuple(entry, "value");
        if (value == null) {
            if (YamlText.get(entry, "valueFrom") != null) {
                throw new ManifestRefusal(VARIABLE + " is set with valueFrom; change it by hand, the prober only edits literal values");
            }
            splices.add(insertKey(yaml, entry, "value: \"" + wanted + "\""));
            return "";
        }
        if (!(value.getValueNode() instanceof ScalarNode scalar)) {
            throw new ManifestRefusal("the value of " + VARIABLE + " is not a scalar");
        }
        noAnchor(scalar, "the value of " + VARIABLE);
        if (wanted.equals(scalar.getValue())) {
            return scalar.getValue();
        }
        int start = yaml.start(scalar);
        // A block scalar's span runs over its trailing line breaks: keep those (and what follows) untouched.
        int end = scalar.getScalarStyle() == ScalarStyle.LITERAL || scalar.getScalarStyle() == ScalarStyle.FOLDED
                ? yaml.lastContent(yaml.end(scalar)) + 1 : yaml.end(scalar);
        String quote = scalar.getScalarStyle() == ScalarStyle.SINGLE_QUOTED ? "'" : "\"";
        splices.add(new Splice(start, end, quote + wanted + quote));
        return scalar.getValue();
    }

    private static Splice insertKey(YamlText yaml, MappingNode mapping, String keyValue) throws ManifestRefusal {
        if (mapping.getFlowStyle() == FlowStyle.FLOW) {
            return new Splice(closing(yaml, mapping, '}'), closing(yaml, mapping, '}'), ", " + keyValue);
        }
        int column = yaml.column(mapping.getValue().get(0).getKeyNode());
        return lines(yaml, contentEnd(yaml, mapping), List.of(" ".repeat(column) + keyValue));
    }

    private static Splice appendEntry(YamlText yaml, SequenceNode env, String wanted) throws ManifestRefusal {
        String flow = "{name: " + VARIABLE + ", value: \"" + wanted + "\"}";
        if (env.getFlowStyle() == FlowStyle.FLOW) {
            int at = closing(yaml, env, ']');
            return new Splice(at, at, env.getValue().isEmpty() ? flow : ", " + flow);
        }
        int dash = yaml.column(env);
        Node first = env.getValue().get(0);
        int key = first instanceof MappingNode m && m.getFlowStyle() == FlowStyle.BLOCK
                ? yaml.column(m.getValue().get(0).getKeyNode()) : dash + 2;
        String lead = " ".repeat(dash) + "-" + " ".repeat(Math.max(1, key - dash - 1));
        return lines(yaml, contentEnd(yaml, env), List.of(lead + "name: " + VARIABLE, " ".repeat(key) + "value: \"" + wanted + "\""));
    }

    private static Splice insertEnvKey(YamlText yaml, KnativeServiceLocator.Target target, String wanted) throws ManifestRefusal {
        MappingNode container = target.container();
        if (container.getFlowStyle() == FlowStyle.FLOW) {
            int at = closing(yaml, container, '}');
            return new Splice(at, at, ", env: [{name: " + VARIABLE + ", value: \"" + wanted + "\"}]");
        }
        int key = yaml.column(container.getValue().get(0).getKeyNode());
        // Sequences are indented under their key the way this file indents its containers list (0 or 2 spaces).
        int offset = target.containers().getFlowStyle() == FlowStyle.BLOCK
                ? Math.max(0, yaml.column(target.containers()) - yaml.column(target.containersKey())) : 2;
        String dash = " ".repeat(key + offset);
        return lines(yaml, contentEnd(yaml, container), List.of(" ".repeat(key) + "env:",
                dash + "- name: " + VARIABLE, dash + "  value: \"" + wanted + "\""));
    }

    /** Inserts whole lines after the line holding the last content before {@code end}, in the file's line breaks. */
    private static Splice lines(YamlText yaml, int end, List<String> lines) {
        int at = yaml.afterLastContentLine(end);
        StringBuilder text = new StringBuilder();
        if (at == yaml.text.length() && !yaml.text.endsWith("\n")) {
            text.append(yaml.newline);
        }
        lines.forEach(line -> text.append(line).append(yaml.newline));
        return new Splice(at, at, text.toString());
    }

    /** Offset of the closing bracket of a flow collection, after its last content (keeps {@code {a: b }} spacing). */
    private static int closing(YamlText yaml, Node node, char bracket) throws ManifestRefusal {
        int end = yaml.end(node) - 1;
        if (end < 0 || yaml.text.charAt(end) != bracket) {
            throw new ManifestRefusal("unexpected flow collection layout near line " + (node.getStartMark().get().getLine() + 1));
        }
        int last = yaml.lastContent(end);
        return yaml.text.charAt(last) == '[' || yaml.text.charAt(last) == '{' ? end : last + 1;
    }

    /**
     * Where a block collection's own content ends: its end mark lies at the next token, possibly after comment lines
     * that belong to what follows, so descend to the last scalar or flow collection instead.
     */
    private static int contentEnd(YamlText yaml, Node node) throws ManifestRefusal {
        if (node instanceof MappingNode m && m.getFlowStyle() == FlowStyle.BLOCK && !m.getValue().isEmpty()) {
            return contentEnd(yaml, m.getValue().get(m.getValue().size() - 1).getValueNode());
        }
        if (node instanceof SequenceNode s && s.getFlowStyle() == FlowStyle.BLOCK && !s.getValue().isEmpty()) {
            return contentEnd(yaml, s.getValue().get(s.getValue().size() - 1));
        }
        return yaml.end(node);
    }

    /**
     * A YAML merge key ({@code <<: *base}) takes keys from elsewhere. SnakeYAML-Engine (YAML 1.2) does not resolve it,
     * but go-yaml in kubectl and Argo CD does: an {@code env:} inserted next to it would replace the merged one, and
     * every other variable of the container would be gone. Neither the editor nor its verifier sees what the merge
     * brings, so such a container is left to a human.
     */
    private static void noMergeKey(Node node, String what) throws ManifestRefusal {
        if (node instanceof MappingNode mapping && YamlText.tuple(mapping, "<<") != null) {
            throw new ManifestRefusal(what + " is built with a YAML merge key (<<): its env may come from elsewhere, which "
                    + "the prober cannot edit safely; change TRADING_ENABLED by hand");
        }
    }

    private static void noAnchor(Node node, String what) throws ManifestRefusal {
        if (node.getAnchor().isPresent()) {
            throw new ManifestRefusal(what + " is a YAML anchor or alias; editing it would change other places too");
        }
    }
}
