package org.heritageguide.site;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * A YAML value that remembers the line it was written on, so that a validation message can point a
 * curator at the exact place. A node is a map, a list or a scalar (kept as text).
 */
final class YamlNode {

    private static final YAMLMapper YAML = YAMLMapper.shared();

    private final int line;
    private final Map<String, YamlNode> map;
    private final List<YamlNode> list;
    private final String scalar;
    /** The line of each key of a map: a block value starts on the line after its key. */
    private final Map<String, Integer> keyLines;

    private YamlNode(int line, Map<String, YamlNode> map, List<YamlNode> list, String scalar) {
        this(line, map, list, scalar, Map.of());
    }

    private YamlNode(int line, Map<String, YamlNode> map, List<YamlNode> list, String scalar, Map<String, Integer> keyLines) {
        this.line = line;
        this.map = map;
        this.list = list;
        this.scalar = scalar;
        this.keyLines = keyLines;
    }

    /** Parses one YAML document; a syntax error becomes a {@link YamlSyntaxException} with its line. */
    static YamlNode parse(InputStream in) throws IOException {
        try (JsonParser parser = YAML.createParser(in)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                return new YamlNode(1, Map.of(), null, null);
            }
            return read(parser);
        } catch (JacksonException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw new YamlSyntaxException(line, e.getOriginalMessage());
        }
    }

    private static YamlNode read(JsonParser parser) {
        int line = parser.currentTokenLocation().getLineNr();
        JsonToken token = parser.currentToken();
        if (token == JsonToken.START_OBJECT) {
            Map<String, YamlNode> entries = new LinkedHashMap<>();
            Map<String, Integer> keyLines = new LinkedHashMap<>();
            while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
                String name = parser.currentName();
                keyLines.put(name, parser.currentTokenLocation().getLineNr());
                parser.nextToken();
                entries.put(name, read(parser));
            }
            return new YamlNode(line, entries, null, null, keyLines);
        }
        if (token == JsonToken.START_ARRAY) {
            List<YamlNode> items = new ArrayList<>();
            while (parser.nextToken() != JsonToken.END_ARRAY) {
                items.add(read(parser));
            }
            return new YamlNode(line, null, items, null);
        }
        if (token == JsonToken.VALUE_NULL) {
            return new YamlNode(line, null, null, null);
        }
        return new YamlNode(line, null, null, parser.getString());
    }

    int line() {
        return line;
    }

    /** The line a key of this map is written on. */
    int lineOf(String key) {
        return keyLines.getOrDefault(key, line);
    }

    boolean isMap() {
        return map != null;
    }

    boolean isList() {
        return list != null;
    }

    boolean isScalar() {
        return scalar != null;
    }

    boolean isNull() {
        return map == null && list == null && scalar == null;
    }

    Map<String, YamlNode> entries() {
        return map == null ? Map.of() : map;
    }

    List<YamlNode> items() {
        return list == null ? List.of() : list;
    }

    String text() {
        return scalar;
    }

    YamlNode get(String key) {
        return map == null ? null : map.get(key);
    }

    /** Thrown for a file that is not valid YAML at all. */
    static final class YamlSyntaxException extends IOException {
        private final int line;

        YamlSyntaxException(int line, String message) {
            super(message);
            this.line = line;
        }

        int line() {
            return line;
        }
    }
}
