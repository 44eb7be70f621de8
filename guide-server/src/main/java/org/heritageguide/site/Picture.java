package org.heritageguide.site;

import java.util.regex.Pattern;

/**
 * A picture of an exhibit: a file in the site's {@code pictures/} folder, described per language.
 *
 * @param file    the file name inside the site's {@code pictures/} folder
 * @param alt     what the picture shows, for visitors who cannot see it (screen readers), per language
 * @param caption the line shown under it, per language
 * @param credit  who made it and under what licence, as printed under it
 */
public record Picture(String file, Localized alt, Localized caption, String credit) {

    /** Lower-case words joined by '-', and the extension of one of the formats the guide serves. */
    public static final Pattern FILE_NAME = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*\\.(jpg|jpeg|png|webp)");
    public static final int MAX_FILE_NAME_LENGTH = 80;

    public static boolean isFileName(String name) {
        return name != null && name.length() <= MAX_FILE_NAME_LENGTH && FILE_NAME.matcher(name).matches();
    }
}
