package org.heritageguide.site;

import java.util.List;

/**
 * The fields of each kind of content file (docs/content-format.md), in the order the documentation gives
 * them: loading reports any other field, and the studio writes files in this order.
 */
public final class ContentFields {

    public static final List<String> SITE = List.of("name", "aliases", "defaultLanguage", "sourceLanguage", "languages",
            "partialLanguages", "fallbackLanguages", "city", "intro", "visitorInfo", "areas", "browserSpeech");
    public static final List<String> EXHIBIT = List.of("status", "area", "order", "related", "title", "aliases", "summary",
            "passages", "facts", "location", "pictures");
    static final List<String> AREA = List.of("id", "name");
    static final List<String> PICTURE = List.of("file", "alt", "caption", "credit");
    static final List<String> FACT = List.of("label", "value");
    static final List<String> FAQ = List.of("id", "exhibit", "questions", "answer");

    private ContentFields() {
    }
}
