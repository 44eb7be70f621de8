package org.heritageguide.site;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A frequently asked question of a site: the ways visitors ask it, per language, and the curators' answer.
 *
 * @param exhibit the exhibit it belongs to, or {@code null} for the site as a whole
 */
public record Faq(String id, String exhibit, Map<String, List<String>> questions, Localized answer) {

    public Faq {
        questions = Map.copyOf(questions);
    }

    public Optional<String> exhibitId() {
        return Optional.ofNullable(exhibit);
    }

    public List<String> questionsIn(String language) {
        return questions.getOrDefault(language, List.of());
    }
}
