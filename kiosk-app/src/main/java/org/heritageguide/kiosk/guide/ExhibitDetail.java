package org.heritageguide.kiosk.guide;

import java.util.List;
import java.util.Map;

/**
 * What {@code GET /api/v1/sites/{site}/exhibits/{id}} says about one exhibit.
 *
 * @param suggestions questions about it that the guide can answer, per language
 * @param pictures    its pictures that the server can serve, in the curators' order
 */
public record ExhibitDetail(String id, Map<String, String> title, Map<String, String> summary,
                            Map<String, String> location, String area, List<String> related,
                            Map<String, List<String>> suggestions, List<Picture> pictures) {

    public ExhibitDetail {
        title = title == null ? Map.of() : title;
        summary = summary == null ? Map.of() : summary;
        location = location == null ? Map.of() : location;
        related = related == null ? List.of() : related;
        suggestions = suggestions == null ? Map.of() : suggestions;
        pictures = pictures == null ? List.of() : pictures.stream().filter(Picture::usable).toList();
    }

    /**
     * One picture of the exhibit.
     *
     * @param width   the original's width in pixels (with {@code height}, the picture's shape)
     * @param sizes   the widths the server serves it at, narrowest first, each at its own address
     * @param alt     what it shows, per language, for visitors who cannot see it
     * @param caption what it is, per language
     * @param credit  who made it, under what licence
     */
    public record Picture(int width, int height, List<Size> sizes, Map<String, String> alt,
                          Map<String, String> caption, String credit) {

        public Picture {
            sizes = sizes == null ? List.of() : sizes.stream()
                    .filter(s -> s != null && s.width() > 0 && s.url() != null && !s.url().isBlank()).toList();
            alt = alt == null ? Map.of() : alt;
            caption = caption == null ? Map.of() : caption;
            credit = credit == null ? "" : credit.strip();
        }

        /** Whether it can be shown: it has a shape and at least one size to load. */
        boolean usable() {
            return width > 0 && height > 0 && !sizes.isEmpty();
        }

        /** The narrowest size at least {@code pixels} wide, else the widest: sharp without loading more than needed. */
        public Size sizeFor(double pixels) {
            List<Size> narrowestFirst = sizes.stream().sorted(java.util.Comparator.comparingInt(Size::width)).toList();
            return narrowestFirst.stream().filter(s -> s.width() >= pixels).findFirst()
                    .orElse(narrowestFirst.get(narrowestFirst.size() - 1));
        }
    }

    /** One size a picture is served at; {@code url} is the server's path (resolve it against the server). */
    public record Size(int width, int height, String url) {
    }
}
