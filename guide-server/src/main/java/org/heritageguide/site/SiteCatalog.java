package org.heritageguide.site;

import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every site the guide serves, as one immutable snapshot. A content change publishes a new catalog;
 * readers holding the old one keep a consistent view.
 *
 * @param version  grows with every published change
 * @param problems what was wrong in the content when it was loaded (the affected files are left out
 *                 or kept at their last good version)
 */
public record SiteCatalog(long version, Map<String, Site> sites, List<ContentProblem> problems, Instant loadedAt) {

    public SiteCatalog {
        sites = Collections.unmodifiableMap(new LinkedHashMap<>(sites));
        problems = List.copyOf(problems);
    }

    public Optional<Site> site(String siteId) {
        return Optional.ofNullable(sites.get(siteId));
    }

    public Collection<Site> all() {
        return sites.values();
    }
}
