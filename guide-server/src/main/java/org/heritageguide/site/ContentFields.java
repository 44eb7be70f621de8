package org.heritageguide.site;

import java.util.List;

/**
 * The fields of each kind of content file (docs/content-format.md), in the order the documentation gives
 * them: loading reports any other field, and the studio writes files in this order. An exhibit's fields
 * are described with their shape too: the studio's editor shows each by it, and a new field is added
 * here (and read by {@link ContentLoader}), not in the editor.
 */
public final class ContentFields {

    /** How a field is written, and so how the editor shows it. */
    public enum Shape {
        /** a word from a fixed set ({@link ExhibitStatus}) */
        CHOICE,
        ID,
        IDS,
        NUMBER,
        TEXT,
        /** per language, one line */
        LOCALIZED_LINE,
        /** per language, a text of some sentences */
        LOCALIZED_TEXT,
        /** per language, a list of names */
        LOCALIZED_NAMES,
        /** a list of texts, each per language */
        LOCALIZED_TEXTS,
        /** a list of maps, each with the field's {@code fields} */
        LIST
    }

    /** A field: its name, its shape, and for a {@link Shape#LIST} the fields of each item. */
    public record Field(String name, Shape shape, List<Field> fields) {

        static Field of(String name, Shape shape) {
            return new Field(name, shape, List.of());
        }

        static Field listOf(String name, Field... fields) {
            return new Field(name, Shape.LIST, List.of(fields));
        }
    }

    public static final List<Field> EXHIBIT = List.of(
            Field.of("status", Shape.CHOICE),
            Field.of("area", Shape.ID),
            Field.of("order", Shape.NUMBER),
            Field.of("related", Shape.IDS),
            Field.of("title", Shape.LOCALIZED_LINE),
            Field.of("aliases", Shape.LOCALIZED_NAMES),
            Field.of("summary", Shape.LOCALIZED_TEXT),
            Field.of("passages", Shape.LOCALIZED_TEXTS),
            Field.listOf("facts", Field.of("label", Shape.LOCALIZED_LINE), Field.of("value", Shape.LOCALIZED_LINE)),
            Field.of("location", Shape.LOCALIZED_TEXT),
            Field.listOf("pictures", Field.of("file", Shape.TEXT), Field.of("alt", Shape.LOCALIZED_TEXT),
                    Field.of("caption", Shape.LOCALIZED_TEXT), Field.of("credit", Shape.TEXT)));
    static final List<String> EXHIBIT_NAMES = names(EXHIBIT);
    static final List<String> FACT = names(itemFields(EXHIBIT, "facts"));
    static final List<String> PICTURE = names(itemFields(EXHIBIT, "pictures"));

    static final List<String> SITE = List.of("name", "aliases", "defaultLanguage", "sourceLanguage", "languages",
            "partialLanguages", "fallbackLanguages", "city", "intro", "visitorInfo", "areas", "browserSpeech");
    static final List<String> AREA = List.of("id", "name");
    static final List<String> FAQ = List.of("id", "exhibit", "questions", "answer");

    private ContentFields() {
    }

    private static List<String> names(List<Field> fields) {
        return fields.stream().map(Field::name).toList();
    }

    private static List<Field> itemFields(List<Field> fields, String list) {
        return fields.stream().filter(field -> field.name().equals(list)).findFirst().orElseThrow().fields();
    }
}
