package org.heritageguide.qr;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.fontbox.ttf.CmapLookup;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.state.RenderingMode;

/**
 * Fonts tried in order for each character, so that a Vietnamese title and a Korean one can sit on the
 * same label: a line of text is cut into runs, each set in the first font that has its characters.
 */
final class FontChain {

    /** A font put into the document the first time a character needs it. */
    static final class LazyFont {

        interface Loader {
            PDType0Font load() throws IOException;
        }

        private final CmapLookup cmap;
        private final Loader loader;
        private PDType0Font font;

        LazyFont(CmapLookup cmap, Loader loader) {
            this.cmap = cmap;
            this.loader = loader;
        }

        boolean covers(int codePoint) {
            return cmap.getGlyphId(codePoint) != 0;
        }

        PDType0Font font() {
            if (font == null) {
                try {
                    font = loader.load();
                } catch (IOException e) {
                    throw new UncheckedIOException("Cannot embed a label font", e);
                }
            }
            return font;
        }
    }

    /** @param emboldened drawn filled and outlined: a bold stand-in for a font that has no bold face */
    record Member(LazyFont font, boolean emboldened) {

        Member asBold() {
            return new Member(font, true);
        }

        boolean covers(int codePoint) {
            return font.covers(codePoint);
        }
    }

    private record Run(Member member, String text) {
    }

    /** How thick the outline of an emboldened font is, relative to its size. */
    private static final float EMBOLDEN_STROKE = 0.04f;

    private final List<Member> members;

    FontChain(List<Member> members) {
        this.members = List.copyOf(members);
    }

    float width(String text, float size) {
        float width = 0;
        try {
            for (Run run : runs(text)) {
                width += run.member.font.font().getStringWidth(run.text) / 1000f * size;
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
            content.setFont(run.member.font.font(), size);
            if (run.member.emboldened) {
                content.setRenderingMode(RenderingMode.FILL_STROKE);
                content.setLineWidth(size * EMBOLDEN_STROKE);
            }
            content.showText(run.text);
            if (run.member.emboldened) {
                content.setRenderingMode(RenderingMode.FILL);
            }
        }
        content.endText();
    }

    private List<Run> runs(String text) {
        List<Run> runs = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        Member currentFont = null;
        for (int i = 0; i < text.length(); ) {
            int codePoint = text.codePointAt(i);
            Member font = fontFor(codePoint, text);
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

    private Member fontFor(int codePoint, String text) {
        for (Member member : members) {
            if (member.covers(codePoint)) {
                return member;
            }
        }
        throw new IllegalArgumentException(String.format("No label font has U+%04X (in '%s')", codePoint, text));
    }
}
