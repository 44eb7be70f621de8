package org.heritageguide.site;

/**
 * Published (as an application event) by a feature that works on a site after a {@link SitesChanged},
 * such as re-indexing it or pre-rendering its answers' audio, so that the studio can show curators how
 * far a publication has got.
 *
 * @param task           what is being done, e.g. {@code index} or {@code audio}
 * @param site           the site's id
 * @param catalogVersion the {@link SiteCatalog#version()} the work is for
 * @param done           units done so far
 * @param total          units in all ({@code done == total}: finished)
 */
public record ContentWorkProgress(String task, String site, long catalogVersion, int done, int total) {

    public boolean finished() {
        return done >= total;
    }
}
