package org.heritageguide.knowledge;

import org.heritageguide.site.SiteCatalog;

/**
 * Published once the knowledge of a catalog is swapped in: from then on the guide answers from it. What
 * can follow the answers (their audio rendered ahead of time) waits for this, so as not to slow it.
 */
public record KnowledgeIndexed(SiteCatalog catalog) {
}
