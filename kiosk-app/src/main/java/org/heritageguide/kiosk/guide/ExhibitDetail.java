package org.heritageguide.kiosk.guide;

import java.util.List;
import java.util.Map;

/**
 * What {@code GET /api/v1/sites/{site}/exhibits/{id}} says about one exhibit.
 *
 * @param suggestions questions about it that the guide can answer, per language
 */
public record ExhibitDetail(String id, Map<String, String> title, Map<String, String> summary,
                            Map<String, String> location, String area, List<String> related,
                            Map<String, List<String>> suggestions) {

    public ExhibitDetail {
        title = title == null ? Map.of() : title;
        summary = summary == null ? Map.of() : summary;
        location = location == null ? Map.of() : location;
        related = related == null ? List.of() : related;
        suggestions = suggestions == null ? Map.of() : suggestions;
    }
}
