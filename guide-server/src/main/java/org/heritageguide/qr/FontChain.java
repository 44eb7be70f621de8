package org.heritageguide.qr;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.fontbox.ttf.CmapLookup;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * Fonts tried in order for each character, so that a Vietnamese title and a Korean one can sit on the
 * same label: a line of text is cut into runs, each set in the first font that has its characters.
 */
final class FontChain {

    record Member(PDType0Font font, CmapLookup cmap) {
        boolean covers(int codePoint) {
            return cmap.getGlyphId(codePoint) != 0;
        }
    }

    private record Run(PDType0Font font, String text) {
    }

    private final List<Member> members;

    FontChain(List<Member> members) {
        this.members = List.copyOf(members);
    }

    float width(String text, float size) {
        float width = 0;
        try {
            for (Run run : runs(text)) {
                width += run.font.getStringWidth(run.text) / 1000f * size;
            }
        } catch (IOException e) {
            throw new IllegalStateException("Cannot measure '" + text + "'", e);
        }
        return width;
    }

    /** Draws {@code text} with its baseline starting at (x, y). */
    void show(PDPageContentStream content, String text, float size, float x, float y) throws IOException {
        content.beginText();
        content.newLineAtOffset(x, y);
        for (Run run : runs(text)) {
            content.setFont(run.font, size);
            content.showText(run.text);
        }
        content.endText();
    }

    private List<Run> runs(String text) {
        List<Run> runs = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        PDType0Font currentFont = null;
        for (int i = 0; i < text.length(); ) {
            int codePoint = text.codePointAt(i);
            PDType0Font font = fontFor(codePoint, text);
            if (font != currentFont && !current.isEmpty()) {
                runs.add(new Run(currentFont, current.toString()));
                current.setLength(0);
            }
            currentFont = font;
            current.appendCodePoint(codePoint);
            i += Character.charCount(codePoint);
        }
        if (!current.isEmpty()) {
            runs.add(new Run(currentFont, current.toString()));
        }
        return runs;
    }

    private PDType0Font fontFor(int codePoint, String text) {
        for (Member member : members) {
            if (member.covers(codePoint)) {
                return member.font;
            }
        }
        throw new IllegalArgumentException(String.format("No label font has U+%04X (in '%s')", codePoint, text));
    }
}
