package org.heritageguide.qr;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.heritageguide.dialogue.GuidePhrases;
import org.heritageguide.site.Exhibit;
import org.heritageguide.site.Site;
import org.heritageguide.site.SiteDirectory;
import org.heritageguide.web.ApiException;
import org.springframework.stereotype.Component;

/**
 * Turns the studio's requests for QR codes and label sheets into images and PDFs: picks the exhibits and
 * languages, checks them against the current content, and signs each label's address.
 */
@Component
class LabelPrinter {

    static final int DEFAULT_CODE_PIXELS = 400;
    static final int MIN_CODE_PIXELS = 100;
    static final int MAX_CODE_PIXELS = 2000;
    static final int MAX_LANGUAGES = 3;
    static final int MAX_LABELS = 200;
    private static final List<String> PREFERRED_SECOND_LANGUAGES = List.of("en", "fr");

    private final SiteDirectory sites;
    private final LabelSigner signer;
    private final GuidePhrases phrases;
    private final LabelSheet sheet;

    LabelPrinter(SiteDirectory sites, LabelSigner signer, GuidePhrases phrases, LabelFonts fonts) {
        this.sites = sites;
        this.signer = signer;
        this.phrases = phrases;
        this.sheet = new LabelSheet(fonts);
    }

    byte[] codePng(String siteId, String exhibitId, Integer pixels) {
        int size = pixels == null ? DEFAULT_CODE_PIXELS : pixels;
        if (size < MIN_CODE_PIXELS || size > MAX_CODE_PIXELS) {
            throw ApiException.badRequest("invalid-size", "The size must be between " + MIN_CODE_PIXELS + " and "
                    + MAX_CODE_PIXELS + " pixels (default " + DEFAULT_CODE_PIXELS + ").");
        }
        Site site = site(siteId);
        Exhibit exhibit = publishedExhibit(site, exhibitId);
        return QrCode.encode(signer.labelUrl(site.id(), exhibit.id())).png(size);
    }

    /**
     * @param exhibitIds comma-separated, in print order (an exhibit may be listed twice for two labels);
     *                   null: every published exhibit, in tour order
     * @param languages  comma-separated, at most three; null: the site's default language, then English and
     *                   French where the site has them
     */
    byte[] sheetPdf(String siteId, String exhibitIds, String languages) {
        Site site = site(siteId);
        List<Exhibit> exhibits = exhibits(site, exhibitIds);
        List<String> chosenLanguages = languages(site, languages);
        List<String> siteNames = new ArrayList<>();
        for (String language : withFallbacks(site, chosenLanguages)) {
            site.name().in(language).ifPresent(siteNames::add);
        }
        List<String> invitations = chosenLanguages.stream().map(l -> phrases.say(l, "label.scan")).toList();
        List<LabelSheet.Label> labels = exhibits.stream()
                .map(exhibit -> new LabelSheet.Label(exhibit.id(), signer.labelUrl(site.id(), exhibit.id()),
                        titles(site, exhibit, chosenLanguages)))
                .toList();
        String documentTitle = "QR labels – " + (siteNames.isEmpty() ? site.id() : siteNames.get(0));
        return sheet.render(new LabelSheet.Sheet(documentTitle, siteNames, invitations, labels));
    }

    private static List<String> titles(Site site, Exhibit exhibit, List<String> languages) {
        List<String> titles = new ArrayList<>();
        for (String language : languages) {
            exhibit.title().in(language).ifPresent(titles::add);
        }
        if (titles.isEmpty()) {
            exhibit.title().firstOf(site.fallbackChain(languages.get(0))).ifPresent(t -> titles.add(t.text()));
        }
        return titles;
    }

    private static List<String> withFallbacks(Site site, List<String> languages) {
        Set<String> all = new LinkedHashSet<>(languages);
        all.addAll(site.fallbackChain(languages.get(0)));
        all.addAll(site.languages());
        return List.copyOf(all);
    }

    /** The site, or a 404 for one that is not served. */
    Site site(String siteId) {
        return sites.site(siteId).orElseThrow(() -> ApiException.notFound("site-not-found",
                "There is no site '" + siteId + "'."));
    }

    private static Exhibit publishedExhibit(Site site, String exhibitId) {
        Exhibit exhibit = site.exhibit(exhibitId).orElseThrow(() -> ApiException.notFound("exhibit-not-found",
                "The site '" + site.id() + "' has no exhibit '" + exhibitId + "'."));
        if (!exhibit.isPublished()) {
            throw ApiException.conflict("exhibit-not-published", "The exhibit '" + exhibitId
                    + "' is a draft: publish it before printing its label (visitors cannot open a draft).");
        }
        return exhibit;
    }

    static List<Exhibit> exhibits(Site site, String exhibitIds) {
        if (exhibitIds == null) {
            List<Exhibit> published = site.publishedExhibits();
            if (published.isEmpty()) {
                throw ApiException.conflict("nothing-published", "The site '" + site.id()
                        + "' has no published exhibit to print a label for.");
            }
            return published;
        }
        List<String> ids = split(exhibitIds);
        if (ids.isEmpty()) {
            throw ApiException.badRequest("no-exhibits", "List the exhibits to print, e.g. ?exhibits=a,b,c, or leave the parameter out for all.");
        }
        if (ids.size() > MAX_LABELS) {
            throw ApiException.badRequest("too-many-labels", "At most " + MAX_LABELS + " labels per sheet request.");
        }
        return ids.stream().map(id -> publishedExhibit(site, id)).toList();
    }

    static List<String> languages(Site site, String languages) {
        if (languages == null) {
            Set<String> chosen = new LinkedHashSet<>();
            chosen.add(site.defaultLanguage());
            PREFERRED_SECOND_LANGUAGES.stream().filter(site::speaks).forEach(chosen::add);
            return chosen.stream().limit(MAX_LANGUAGES).toList();
        }
        List<String> chosen = split(languages).stream().distinct().toList();
        if (chosen.isEmpty() || chosen.size() > MAX_LANGUAGES) {
            throw ApiException.badRequest("invalid-languages", "Give one to " + MAX_LANGUAGES
                    + " languages, e.g. ?languages=vi,en; this site speaks " + site.languages() + ".");
        }
        for (String language : chosen) {
            if (!site.speaks(language)) {
                throw ApiException.badRequest("unknown-language", "The site '" + site.id() + "' does not speak '"
                        + language + "'; it speaks " + site.languages() + ".");
            }
        }
        return chosen;
    }

    private static List<String> split(String list) {
        return Arrays.stream(list.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}
