package io.torghut.prober.feature.pause.manifest;

import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;

/**
 * Positions of parsed nodes in the original text. SnakeYAML-Engine counts code points; Java strings count UTF-16
 * units, so every mark is converted before it is used to cut the text (a manifest with an emoji must not shift edits).
 */
final class YamlText {
    final String text;
    final String newline;

    YamlText(String text) {
        this.text = text;
        this.newline = text.contains("\r\n") ? "\r\n" : "\n";
    }

    int start(Node node) throws ManifestRefusal {
        return offset(node.getStartMark().orElseThrow(() -> new ManifestRefusal("the YAML parser gave no positions")));
    }

    int end(Node node) throws ManifestRefusal {
        return offset(node.getEndMark().orElseThrow(() -> new ManifestRefusal("the YAML parser gave no positions")));
    }

    int column(Node node) throws ManifestRefusal {
        int start = start(node);
        return start - lineStart(start);
    }

    private int offset(Mark mark) {
        return text.offsetByCodePoints(0, mark.getIndex());
    }

    int lineStart(int index) {
        int i = index;
        while (i > 0 && text.charAt(i - 1) != '\n') {
            i--;
        }
        return i;
    }

    /** Offset just after the line break that ends the last non-blank character before {@code index}. */
    int afterLastContentLine(int index) {
        int last = lastContent(index);
        int i = last + 1;
        while (i < text.length() && text.charAt(i) != '\n') {
            i++;
        }
        return i < text.length() ? i + 1 : text.length();
    }

    /** Index of the last character before {@code index} that is not a space, tab or line break. */
    int lastContent(int index) {
        int i = index - 1;
        while (i > 0 && Character.isWhitespace(text.charAt(i))) {
            i--;
        }
        return i;
    }

    /** The value node of a scalar key in a mapping, or null; the last one wins as in Kubernetes. */
    static Node get(Node node, String key) {
        if (!(node instanceof MappingNode mapping)) {
            return null;
        }
        Node found = null;
        for (NodeTuple tuple : mapping.getValue()) {
            if (tuple.getKeyNode() instanceof ScalarNode k && key.equals(k.getValue())) {
                found = tuple.getValueNode();
            }
        }
        return found;
    }

    static NodeTuple tuple(MappingNode mapping, String key) {
        NodeTuple found = null;
        for (NodeTuple tuple : mapping.getValue()) {
            if (tuple.getKeyNode() instanceof ScalarNode k && key.equals(k.getValue())) {
                found = tuple;
            }
        }
        return found;
    }

    static String scalar(Node node) {
        return node instanceof ScalarNode s ? s.getValue() : null;
    }
}
