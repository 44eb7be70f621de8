package org.heritageguide.site;

/** Published after a new {@link SiteCatalog} takes effect (at start and after every content change). */
public record SitesChanged(SiteCatalog catalog) {
}
