package org.heritageguide.i18n;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

/**
 * One kind of text in one language, read from {@code i18n/<language>/<kind>.properties} (UTF-8): the one
 * way the server reads translated texts. A language without that file has an empty bundle; each user
 * decides what falls back to English.
 */
public final class TextBundle {

    static final String FOLDER = "i18n/";
    /** The guide's own phrases: the file whose presence makes a language supported. */
    public static final String GUIDE = "guide";
    /** How numbers, times and prices are read aloud. */
    public static final String SPOKEN = "spoken";
    /** The visitor web app's own words. */
    public static final String VISITOR = "visitor";

    private TextBundle() {
    }

    /** The texts of {@code kind} in {@code language}; empty when there are none. */
    public static Properties load(String kind, String language) {
        Properties texts = new Properties();
        if (!language.matches("[A-Za-z0-9-]+")) {
            return texts;
        }
        try (InputStream in = TextBundle.class.getClassLoader().getResourceAsStream(FOLDER + language + "/" + kind + ".properties")) {
            if (in != null) {
                texts.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return texts;
    }
}
