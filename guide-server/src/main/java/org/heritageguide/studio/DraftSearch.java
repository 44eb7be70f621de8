package org.heritageguide.studio;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.heritageguide.site.ContentYaml;
import org.heritageguide.site.Exhibit;
import org.heritageguide.site.Faq;
import org.heritageguide.site.Site;

/**
 * Finds a text in every language of a site's draft, as curators type it (case and accents folded):
 * exhibits (their id, then every text field) and FAQs (questions, then answer). One hit per exhibit or
 * FAQ, its first matching field.
 */
final class DraftSearch {

    private static final int BEFORE = 40;
    private static final int AFTER = 60;

    private DraftSearch() {
    }

    record Hit(String kind, String id, String path, Map<String, String> title, String field, String language,
               String snippet) {
    }

    /** Where a text was found: the field's path, its language, and the text around it. */
    record FieldMatch(String field, String language, String snippet) {
    }

    /** Whether a query has anything to look for. */
    static boolean isSearchable(String query) {
        return !VisitorInsights.normalise(query).isBlank();
    }

    /** @param exhibitYaml an exhibit's draft text, by its id */
    static List<Hit> find(Site draft, Function<String, String> exhibitYaml, String query) {
        String needle = VisitorInsights.normalise(query);
        List<Hit> hits = new ArrayList<>();
        for (Exhibit exhibit : draft.exhibits().values()) {
            String path = StudioContent.exhibitFile(exhibit.id());
            if (exhibit.id().contains(needle.replace(' ', '-'))) {
                hits.add(new Hit("exhibit", exhibit.id(), path, exhibit.title().texts(), "id", null, exhibit.id()));
                continue;
            }
            Object data = ContentYaml.parse(exhibitYaml.apply(exhibit.id()));
            match(ContentYaml.localizedFields(data, draft.languages()), needle).ifPresent(found -> hits.add(
                    new Hit("exhibit", exhibit.id(), path, exhibit.title().texts(), found.field(), found.language(), found.snippet())));
        }
        for (Faq faq : draft.faqs()) {
            Map<String, Map<String, String>> fields = new LinkedHashMap<>();
            faq.questions().forEach((language, list) -> fields.put("questions." + language, Map.of(language, String.join(" · ", list))));
            fields.put("answer", faq.answer().texts());
            match(fields, needle).ifPresent(found -> hits.add(
                    new Hit("faq", faq.id(), "faq.yaml", firstQuestions(faq), found.field(), found.language(), found.snippet())));
        }
        return hits;
    }

    private static Map<String, String> firstQuestions(Faq faq) {
        Map<String, String> first = new LinkedHashMap<>();
        faq.questions().forEach((language, list) -> first.put(language, list.get(0)));
        return first;
    }

    /** The first field holding the needle, by field path and then language. */
    static Optional<FieldMatch> match(Map<String, Map<String, String>> fields, String needle) {
        for (var field : fields.entrySet()) {
            for (var text : field.getValue().entrySet()) {
                int at = VisitorInsights.normalise(text.getValue()).indexOf(needle);
                if (at >= 0) {
                    String original = text.getValue();
                    int from = Math.max(0, Math.min(original.length(), at) - BEFORE);
                    int to = Math.min(original.length(), at + needle.length() + AFTER);
                    return Optional.of(new FieldMatch(field.getKey(), text.getKey(),
                            (from > 0 ? "…" : "") + original.substring(from, to) + (to < original.length() ? "…" : "")));
                }
            }
        }
        return Optional.empty();
    }
}
