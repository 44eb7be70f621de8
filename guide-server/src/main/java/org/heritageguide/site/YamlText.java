package org.heritageguide.site;

import java.util.List;
import java.util.Optional;

import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.common.FlowStyle;
import org.snakeyaml.engine.v2.common.ScalarStyle;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * A YAML text and the places of its nodes in it, for edits that change one part of a file and leave every
 * other character (comments, quoting, folding, blank lines) as the curator wrote it. Only block-style
 * maps and lists are edited in place; where a file is written otherwise, an edit says so (empty) and
 * {@link ContentEditing} writes the file anew.
 */
final class YamlText {

    private static final LoadSettings SETTINGS = LoadSettings.builder().setUseMarks(true).build();

    private final String text;
    private final Node root;

    private YamlText(String text, Node root) {
        this.text = text;
        this.root = root;
    }

    /** The text's nodes; empty if it is not valid YAML. A text with no document has no root. */
    static Optional<YamlText> of(String text) {
        try {
            return Optional.of(new YamlText(text, new Compose(SETTINGS).composeString(text).orElse(null)));
        } catch (YamlEngineException notYaml) {
            return Optional.empty();
        }
    }

    Optional<Node> root() {
        return Optional.ofNullable(root);
    }

    /** The value of a key of a block map. */
    static Optional<Node> value(Node map, String key) {
        if (!(map instanceof MappingNode mapping)) {
            return Optional.empty();
        }
        return mapping.getValue().stream().filter(t -> key.equals(keyOf(t))).map(NodeTuple::getValueNode).findFirst();
    }

    /** The first map of a block list whose {@code key} is {@code value}. */
    static Optional<Node> itemWith(Node list, String key, String value) {
        if (!(list instanceof SequenceNode sequence)) {
            return Optional.empty();
        }
        return sequence.getValue().stream()
                .filter(item -> value(item, key).filter(v -> v instanceof ScalarNode s && value.equals(s.getValue())).isPresent())
                .findFirst();
    }

    static String keyOf(NodeTuple tuple) {
        return tuple.getKeyNode() instanceof ScalarNode key ? key.getValue() : null;
    }

    /** The text with a one-line scalar (plain or quoted) replaced by {@code scalar}, written as YAML. */
    Optional<String> replacingScalar(Node node, String scalar) {
        if (!(node instanceof ScalarNode value) || value.getScalarStyle() == ScalarStyle.LITERAL
                || value.getScalarStyle() == ScalarStyle.FOLDED) {
            return Optional.empty();
        }
        int start = offset(value.getStartMark());
        int end = offset(value.getEndMark());
        if (start == end || text.substring(start, end).contains("\n")) {
            return Optional.empty();
        }
        return Optional.of(text.substring(0, start) + scalar + text.substring(end));
    }

    /**
     * The text with one more item at the end of a block list: {@code item} is the item as written at
     * column 0 ({@code "- ..."} lines), indented here like the list's own items.
     */
    Optional<String> appendingItem(Node list, String item) {
        if (!(list instanceof SequenceNode sequence) || sequence.getFlowStyle() != FlowStyle.BLOCK
                || sequence.getValue().isEmpty()) {
            return Optional.empty();
        }
        List<Node> items = sequence.getValue();
        int firstItem = offset(items.get(0).getStartMark());
        String indent = text.substring(lineStart(firstItem), firstItem);
        int dash = indent.indexOf('-');
        if (dash < 0 || !indent.substring(0, dash).isBlank()) {
            return Optional.empty();
        }
        return Optional.of(inserting(afterLine(contentEnd(items.get(items.size() - 1))), indented(item, dash)));
    }

    /**
     * The text with one more key in a block map, {@code field} written as at column 0 ({@code "key: ..."}
     * lines): before the first of {@code before}'s keys the map has (and the comment lines just above
     * it), else after the map's last key.
     */
    Optional<String> insertingField(Node map, String field, List<String> before) {
        if (!(map instanceof MappingNode mapping) || mapping.getFlowStyle() != FlowStyle.BLOCK || mapping.getValue().isEmpty()) {
            return Optional.empty();
        }
        List<NodeTuple> tuples = mapping.getValue();
        int firstKey = offset(tuples.get(0).getKeyNode().getStartMark());
        int column = firstKey - lineStart(firstKey);
        for (NodeTuple tuple : tuples) {
            if (before.contains(keyOf(tuple))) {
                return Optional.of(inserting(withCommentsAbove(lineStart(offset(tuple.getKeyNode().getStartMark()))),
                        indented(field, column)));
            }
        }
        return Optional.of(inserting(afterLine(contentEnd(tuples.get(tuples.size() - 1).getValueNode())),
                indented(field, column)));
    }

    /** The text with {@code lines} added at its end (after a line break). */
    String appending(String lines) {
        return inserting(text.length(), lines);
    }

    private String inserting(int at, String lines) {
        String head = text.substring(0, at);
        if (!head.isEmpty() && !head.endsWith("\n")) {
            head += "\n";
        }
        return head + lines + text.substring(at);
    }

    private static String indented(String lines, int spaces) {
        String indent = " ".repeat(spaces);
        StringBuilder result = new StringBuilder();
        lines.lines().forEach(line -> result.append(line.isEmpty() ? "" : indent).append(line).append('\n'));
        return result.toString();
    }

    /** Where a line starts, moved up over the comment lines right above it (they belong to it). */
    private int withCommentsAbove(int lineStart) {
        int start = lineStart;
        while (start > 0) {
            int previous = lineStart(start - 1);
            if (!text.substring(previous, start).strip().startsWith("#")) {
                break;
            }
            start = previous;
        }
        return start;
    }

    /**
     * Where a node's last character is written, plus one. A block map or list ends, for the parser, where
     * what follows it begins (and a block text after the next line's indentation): its end is its last
     * scalar's, without the line breaks and spaces after it.
     */
    private int contentEnd(Node node) {
        if (node instanceof MappingNode map && !map.getValue().isEmpty()) {
            return contentEnd(map.getValue().get(map.getValue().size() - 1).getValueNode());
        }
        if (node instanceof SequenceNode list && !list.getValue().isEmpty()) {
            return contentEnd(list.getValue().get(list.getValue().size() - 1));
        }
        int end = offset(node.getEndMark());
        while (end > 0 && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        return end;
    }

    /** The start of the line after the one that holds the character before {@code end}. */
    private int afterLine(int end) {
        int lineEnd = text.indexOf('\n', end);
        return lineEnd < 0 ? text.length() : lineEnd + 1;
    }

    private int lineStart(int offset) {
        return text.lastIndexOf('\n', offset - 1) + 1;
    }

    /** A mark's place as a {@code char} index (marks count code points). */
    private int offset(Optional<Mark> mark) {
        return text.offsetByCodePoints(0, mark.orElseThrow().getIndex());
    }
}
