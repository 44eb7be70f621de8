package org.heritageguide.qr;

import java.util.ArrayList;
import java.util.List;

/** Breaks a text into lines that fit a width. */
final class TextLines {

    private static final String ELLIPSIS = "…";

    private TextLines() {
    }

    /**
     * Greedy line breaking: at spaces, and between two characters of a script written without spaces
     * (Chinese, Japanese); a word wider than the whole line is cut where it must be.
     */
    static List<String> wrap(String text, FontChain font, float size, float width) {
        List<String> lines = new ArrayList<>();
        String rest = text.strip();
        while (!rest.isEmpty()) {
            if (font.width(rest, size) <= width) {
                lines.add(rest);
                break;
            }
            int end = lastFittingBreak(rest, font, size, width);
            if (end <= 0) {
                end = lastFittingCharacter(rest, font, size, width);
            }
            lines.add(rest.substring(0, end).strip());
            rest = rest.substring(end).strip();
        }
        return lines;
    }

    /** At most {@code maxLines} of {@code lines}; if some had to go, the last one kept ends with "…". */
    static List<String> clamp(List<String> lines, int maxLines, FontChain font, float size, float width) {
        if (lines.size() <= maxLines) {
            return lines;
        }
        List<String> kept = new ArrayList<>(lines.subList(0, maxLines));
        String last = kept.get(maxLines - 1);
        while (!last.isEmpty() && font.width(last + ELLIPSIS, size) > width) {
            last = last.substring(0, last.offsetByCodePoints(last.length(), -1)).stripTrailing();
        }
        kept.set(maxLines - 1, last + ELLIPSIS);
        return kept;
    }

    private static int lastFittingBreak(String text, FontChain font, float size, float width) {
        int best = -1;
        for (int i = text.offsetByCodePoints(0, 1); i < text.length(); i = text.offsetByCodePoints(i, 1)) {
            if (!isBreak(text, i)) {
                continue;
            }
            if (font.width(text.substring(0, i).stripTrailing(), size) > width) {
                break;
            }
            best = i;
        }
        return best;
    }

    private static int lastFittingCharacter(String text, FontChain font, float size, float width) {
        int end = text.offsetByCodePoints(0, 1);
        for (int i = end; i < text.length(); i = text.offsetByCodePoints(i, 1)) {
            if (font.width(text.substring(0, i), size) > width) {
                break;
            }
            end = i;
        }
        return end;
    }

    /** Whether a line may end just before index {@code i}. */
    private static boolean isBreak(String text, int i) {
        int before = text.codePointBefore(i);
        int at = text.codePointAt(i);
        if (Character.isWhitespace(at)) {
            return !Character.isWhitespace(before);
        }
        if (Character.isWhitespace(before) || isClosingPunctuation(at)) {
            return false;
        }
        return writtenWithoutSpaces(before) || writtenWithoutSpaces(at);
    }

    private static boolean writtenWithoutSpaces(int codePoint) {
        Character.UnicodeScript script = Character.UnicodeScript.of(codePoint);
        return script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
                || script == Character.UnicodeScript.KATAKANA;
    }

    private static boolean isClosingPunctuation(int codePoint) {
        int type = Character.getType(codePoint);
        return type == Character.END_PUNCTUATION || type == Character.OTHER_PUNCTUATION
                || type == Character.FINAL_QUOTE_PUNCTUATION;
    }
}
