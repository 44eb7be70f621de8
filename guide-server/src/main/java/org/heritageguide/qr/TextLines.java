package org.heritageguide.qr;

import java.util.ArrayList;
import java.util.List;

import com.ibm.icu.lang.UScript;
import com.ibm.icu.text.BreakIterator;
import com.ibm.icu.util.ULocale;

/** Breaks a text into lines that fit a width. */
final class TextLines {

    private static final String ELLIPSIS = "…";

    private TextLines() {
    }

    /**
     * Greedy line breaking where ICU's line breaker allows it (at spaces, after hyphens and slashes,
     * between two Chinese or Japanese characters, never before a closing quote or mark), except between
     * two Hangul syllables: a Korean title keeps its words whole. A word wider than the whole line is
     * cut where it must be.
     */
    static List<String> wrap(String text, FontChain font, float size, float width) {
        String rest = text.strip();
        BreakIterator breaks = BreakIterator.getLineInstance(ULocale.ROOT);
        breaks.setText(rest);
        List<String> lines = new ArrayList<>();
        int start = 0;
        while (start < rest.length()) {
            int end = lastFittingBreak(rest, start, breaks, font, size, width);
            if (end <= start) {
                end = lastFittingCharacter(rest, start, font, size, width);
            }
            lines.add(rest.substring(start, end).strip());
            start = end;
            while (start < rest.length() && Character.isWhitespace(rest.charAt(start))) {
                start++;
            }
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

    private static int lastFittingBreak(String text, int start, BreakIterator breaks, FontChain font, float size,
                                        float width) {
        int best = -1;
        for (int end = breaks.following(start); end != BreakIterator.DONE; end = breaks.next()) {
            if (betweenHangulSyllables(text, end)) {
                continue;
            }
            if (font.width(text.substring(start, end).stripTrailing(), size) > width) {
                break;
            }
            best = end;
        }
        return best;
    }

    private static int lastFittingCharacter(String text, int start, FontChain font, float size, float width) {
        int end = text.offsetByCodePoints(start, 1);
        for (int i = end; i < text.length(); i = text.offsetByCodePoints(i, 1)) {
            if (font.width(text.substring(start, i), size) > width) {
                break;
            }
            end = i;
        }
        return end;
    }

    private static boolean betweenHangulSyllables(String text, int i) {
        return i > 0 && i < text.length()
                && UScript.getScript(text.codePointBefore(i)) == UScript.HANGUL
                && UScript.getScript(text.codePointAt(i)) == UScript.HANGUL;
    }
}
