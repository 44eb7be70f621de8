package org.heritageguide.site;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

import org.snakeyaml.engine.v2.nodes.Node;

/**
 * The studio's edits of content files, as text: each changes its part of the file and keeps every other
 * character as the curator wrote it (comments, quoting, folded lines, the order of fields). Each edit is
 * checked by reading the result back: where a file is laid out so that the edit cannot be made in place
 * (a flow-style list, say), the file is written anew from its data with the change, in the documented
 * order ({@link ContentYaml#render}). Plain Java, on texts: saving, revisions and conflicts are the
 * studio's.
 */
public final class ContentEditing {

    private static final int MAX_SLUG_LENGTH = 48;

    private ContentEditing() {
    }

    /** A file that cannot be edited because it is not the YAML its kind needs (a map, or a list of FAQs). */
    public static final class NotEditable extends RuntimeException {
        NotEditable(String message) {
            super(message);
        }
    }

    /** An exhibit file with its status set. */
    public static String withStatus(String exhibitYaml, ExhibitStatus status) {
        return withExhibitField(exhibitYaml, "status", current -> status.written(),
                (text, current) -> text.replacingScalar(current, status.written()));
    }

    /** A picture to add to an exhibit: its file (already kept) and its description. */
    public record NewPicture(String file, Map<String, String> alt, Map<String, String> caption, String credit) {
    }

    /** An exhibit file with one more picture, after its others. */
    public static String withPicture(String exhibitYaml, NewPicture picture) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("file", picture.file());
        entry.put("alt", picture.alt());
        entry.put("caption", picture.caption());
        entry.put("credit", picture.credit());
        Object item = ContentYaml.withoutEmpty(entry);
        return withExhibitField(exhibitYaml, "pictures", current -> {
            List<Object> pictures = current instanceof List<?> list ? new ArrayList<>(list) : new ArrayList<>();
            pictures.add(item);
            return pictures;
        }, (text, current) -> text.appendingItem(current, ContentYaml.renderValue(List.of(item))));
    }

    /**
     * An exhibit file with one field's value changed to what {@code change} makes of it (given the value,
     * {@code null} if none): edited in place by {@code inPlace} (given where the value is written), or
     * for a field the file lacks, added at its documented place.
     */
    private static String withExhibitField(String exhibitYaml, String field, UnaryOperator<Object> change,
                                           BiFunction<YamlText, Node, Optional<String>> inPlace) {
        Map<String, Object> data = map(exhibitYaml, "An exhibit file");
        Object value = change.apply(data.get(field));
        data.put(field, value);
        YamlText text = YamlText.of(exhibitYaml).orElseThrow();
        Node root = text.root().orElseThrow();
        Optional<String> edited = YamlText.value(root, field).map(current -> inPlace.apply(text, current))
                .orElseGet(() -> text.insertingField(root, ContentYaml.renderValue(Map.of(field, value)),
                        fieldsAfter(ContentFields.EXHIBIT_NAMES, field)));
        return checked(data, edited, exhibitAnew());
    }

    /** A new exhibit: hidden from visitors until a curator shows it. */
    public record NewExhibit(String area, int order, Map<String, String> title, Map<String, String> summary) {
    }

    /** The text of a new exhibit's file. */
    public static String exhibitText(NewExhibit exhibit) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("status", ExhibitStatus.DRAFT.written());
        data.put("area", exhibit.area());
        data.put("order", exhibit.order());
        data.put("title", exhibit.title());
        data.put("summary", exhibit.summary());
        return exhibitAnew().apply(data);
    }

    /** A FAQ to add; without an id, one is made from its first question. */
    public record NewFaq(String id, String exhibit, Map<String, List<String>> questions, Map<String, String> answer) {
    }

    /** faq.yaml with a FAQ added (and the id it was given). */
    public record FaqAdded(String id, String yaml) {
    }

    /** faq.yaml with one more FAQ, after the others. */
    public static FaqAdded withFaq(String faqYaml, NewFaq faq) {
        List<Object> faqs = faqs(faqYaml).orElseThrow(() -> new NotEditable("faq.yaml is not a list of FAQs: fix it in the text editor first."));
        String id = faq.id() != null && !faq.id().isBlank() ? faq.id().strip() : freeFaqId(faqs, faq.questions());
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("id", id);
        entry.put("exhibit", faq.exhibit());
        entry.put("questions", faq.questions());
        entry.put("answer", faq.answer());
        Object item = ContentYaml.withoutEmpty(entry);
        faqs.add(item);
        YamlText text = YamlText.of(faqYaml).orElseThrow();
        String itemText = ContentYaml.renderValue(List.of(item));
        Optional<String> inPlace = text.root().isEmpty() ? Optional.of(text.appending(itemText))
                : text.appendingItem(text.root().get(), itemText);
        return new FaqAdded(id, checked(faqs, inPlace, faqsAnew()));
    }

    /**
     * faq.yaml with one more way of asking a FAQ in a language, after that language's last one. Empty if
     * the file has no FAQ with that id (or is not a list of FAQs); the text unchanged if the FAQ already
     * has that question, in any case.
     */
    @SuppressWarnings("unchecked")
    public static Optional<String> withWording(String faqYaml, String faqId, String language, String question) {
        String wording = question.strip();
        List<Object> faqs = faqs(faqYaml).orElse(List.of());
        Optional<Map<String, Object>> found = faqs.stream().filter(f -> f instanceof Map<?, ?> m && faqId.equals(String.valueOf(m.get("id"))))
                .map(f -> (Map<String, Object>) f).findFirst();
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Object questions = found.get().computeIfAbsent("questions", k -> new LinkedHashMap<String, Object>());
        if (!(questions instanceof Map<?, ?>)) {
            return Optional.empty();
        }
        Map<String, Object> byLanguage = (Map<String, Object>) questions;
        Object asked = byLanguage.get(language);
        List<Object> wordings = asked instanceof List<?> list ? new ArrayList<>(list) : new ArrayList<>();
        if (asked != null && !(asked instanceof List<?>)) {
            wordings.add(asked);
        }
        if (wordings.stream().anyMatch(q -> String.valueOf(q).strip().equalsIgnoreCase(wording))) {
            return Optional.of(faqYaml);
        }
        wordings.add(wording);
        byLanguage.put(language, wordings);
        YamlText text = YamlText.of(faqYaml).orElseThrow();
        String item = "- " + doubleQuoted(wording) + "\n";
        Optional<String> inPlace = text.root().flatMap(root -> YamlText.itemWith(root, "id", faqId))
                .flatMap(faq -> YamlText.value(faq, "questions"))
                .flatMap(block -> YamlText.value(block, language)
                        .map(list -> text.appendingItem(list, item))
                        .orElseGet(() -> text.insertingField(block, language + ":\n  " + item, List.of())));
        return Optional.of(checked(faqs, inPlace, faqsAnew()));
    }

    /**
     * Lower-case ASCII words joined by '-' (Vietnamese and other accents dropped, đ as d), at most 48
     * characters: the spelling of ids and picture names. Empty if the text has no letter or digit.
     */
    public static String slug(String text) {
        String slug = Normalizer.normalize(text.toLowerCase(Locale.ROOT), Normalizer.Form.NFD)
                .replaceAll("\\p{M}+", "").replace('đ', 'd').replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
        if (slug.length() > MAX_SLUG_LENGTH) {
            slug = slug.substring(0, MAX_SLUG_LENGTH).replaceAll("-+$", "");
        }
        return slug;
    }

    private static String freeFaqId(List<Object> faqs, Map<String, List<String>> questions) {
        String question = questions.values().stream().filter(q -> q != null && !q.isEmpty()).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("A FAQ needs at least one question")).get(0);
        String base = slug(question).isEmpty() ? "faq" : slug(question);
        Set<String> taken = faqs.stream().filter(f -> f instanceof Map<?, ?>).map(f -> String.valueOf(((Map<?, ?>) f).get("id")))
                .collect(Collectors.toSet());
        String id = base;
        for (int n = 2; taken.contains(id); n++) {
            id = base + "-" + n;
        }
        return id;
    }

    /** The edit made in place if it reads back as {@code expected}, else the file written anew from it. */
    private static String checked(Object expected, Optional<String> inPlace, Function<Object, String> anew) {
        return inPlace.filter(edited -> expected.equals(ContentYaml.parse(edited))).orElseGet(() -> anew.apply(expected));
    }

    private static Function<Object, String> exhibitAnew() {
        return data -> ContentYaml.render(data, ContentFields.EXHIBIT_NAMES);
    }

    private static Function<Object, String> faqsAnew() {
        return data -> ContentYaml.renderValue(ContentYaml.withoutEmpty(data));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(String yaml, String what) {
        if (ContentYaml.parse(yaml) instanceof Map<?, ?> map && YamlText.of(yaml).flatMap(YamlText::root).isPresent()) {
            return new LinkedHashMap<>((Map<String, Object>) map);
        }
        throw new NotEditable(what + " is a map of fields; this one is not: fix it in the text editor first.");
    }

    /** The FAQs of faq.yaml's text (none for an empty file), or empty if it is not a list. */
    private static Optional<List<Object>> faqs(String yaml) {
        if (yaml.isBlank()) {
            return Optional.of(new ArrayList<>());
        }
        Object data = ContentYaml.parse(yaml);
        if (data == null && YamlText.of(yaml).isPresent()) {
            return Optional.of(new ArrayList<>());
        }
        return data instanceof List<?> list ? Optional.of(new ArrayList<>(list)) : Optional.empty();
    }

    private static List<String> fieldsAfter(List<String> order, String field) {
        return order.subList(order.indexOf(field) + 1, order.size());
    }

    /** A YAML double-quoted scalar (the JSON escapes are YAML's too), as faq.yaml writes its questions. */
    private static String doubleQuoted(String text) {
        return '"' + text.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }
}
