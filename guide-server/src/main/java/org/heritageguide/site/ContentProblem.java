package org.heritageguide.site;

/**
 * Something wrong in a content file, precise enough for a curator to fix it.
 *
 * @param file  path of the file, relative to the content directory
 * @param line  1-based line, or 0 when the problem is not tied to a line
 * @param field the field at fault (dotted path), or empty
 */
public record ContentProblem(String file, int line, String field, String message) {

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder(file);
        if (line > 0) {
            text.append(':').append(line);
        }
        if (!field.isEmpty()) {
            text.append(' ').append(field).append(':');
        }
        return text.append(' ').append(message).toString();
    }
}
