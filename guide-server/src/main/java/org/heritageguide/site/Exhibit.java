package org.heritageguide.site;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * One exhibit of a site, as the curators wrote it.
 *
 * @param aliases  what visitors call it besides its title, per language
 * @param summary  one to three sentences, written to be spoken; what the guide says first
 * @param passages the longer text, paragraph by paragraph, in reading order
 * @param location where the exhibit is, as said to a visitor who asks
 * @param pictures its pictures, the first one shown first
 */
public record Exhibit(
        String id,
        ExhibitStatus status,
        String area,
        int order,
        List<String> related,
        Localized title,
        Names aliases,
        Localized summary,
        List<Localized> passages,
        List<Fact> facts,
        Localized location,
        List<Picture> pictures) {

    public Exhibit {
        related = List.copyOf(related);
        passages = List.copyOf(passages);
        facts = List.copyOf(facts);
        pictures = List.copyOf(pictures);
    }

    public boolean isPublished() {
        return status == ExhibitStatus.PUBLISHED;
    }

    /** Whether this exhibit has at least a title and a summary in {@code language}. */
    public boolean speaks(String language) {
        return title.has(language) && summary.has(language);
    }

    /** Every language in which this exhibit has at least a title and a summary. */
    public Set<String> languages() {
        Set<String> languages = new LinkedHashSet<>(title.languages());
        languages.retainAll(summary.languages());
        return languages;
    }
}
