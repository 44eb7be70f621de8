package org.heritageguide.kiosk.guide;

import java.util.List;
import java.util.Map;

/** What {@code GET /api/v1/sites/{site}/exhibits/{id}} says about one exhibit. */
public record ExhibitDetail(String id, Map<String, String> title, Map<String, String> summary,
                            Map<String, String> location, String area, List<String> related) {

    public ExhibitDetail {
        title = title == null ? Map.of() : title;
        summary = summary == null ? Map.of() : summary;
        location = location == null ? Map.of() : location;
        related = related == null ? List.of() : related;
    }
}
