package org.heritageguide.i18n;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The languages the guide, the visitor app and the kiosk have their own words in: every folder
 * {@code i18n/<language>/} that holds the guide's phrases. A site may speak more; their words fall back
 * to English.
 */
public final class Languages {

    /** The language every text exists in, and the one shown when a visitor's has none. */
    public static final String FALLBACK = "en";

    private static final List<String> SUPPORTED = findFolders();

    private Languages() {
    }

    /** The supported languages, English first, the others in alphabetical order. */
    public static List<String> supported() {
        return SUPPORTED;
    }

    /** The supported language for a language tag ({@code "fr-CA"} is {@code "fr"}), else English. */
    public static String supportedOrFallback(String tag) {
        return firstSupported(tag == null ? List.of() : List.of(tag));
    }

    /** The first of the preferred language tags that is supported, else English. */
    public static String firstSupported(List<String> preferred) {
        return preferred.stream().map(tag -> tag.toLowerCase(Locale.ROOT).split("[-_]")[0])
                .filter(SUPPORTED::contains).findFirst().orElse(FALLBACK);
    }

    private static List<String> findFolders() {
        try {
            Resource[] phrases = new PathMatchingResourcePatternResolver()
                    .getResources("classpath*:" + TextBundle.FOLDER + "*/" + TextBundle.GUIDE + ".properties");
            List<String> found = Arrays.stream(phrases).map(Languages::folderOf).distinct()
                    .sorted(Comparator.comparing((String language) -> !language.equals(FALLBACK)).thenComparing(Comparator.naturalOrder()))
                    .toList();
            if (!found.contains(FALLBACK)) {
                throw new IllegalStateException("No " + TextBundle.FOLDER + FALLBACK + "/" + TextBundle.GUIDE + ".properties on the class path");
            }
            return found;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String folderOf(Resource phrases) {
        try {
            String[] parts = phrases.getURL().toString().split("/");
            return parts[parts.length - 2];
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
