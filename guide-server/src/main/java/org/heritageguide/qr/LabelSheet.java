package org.heritageguide.qr;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;

/**
 * A printable A4 sheet of QR labels, two columns by four rows, with cut marks. Each label: the code
 * (vector modules, crisp at any printer resolution), the site's name, the exhibit's title in up to three
 * languages, an invitation to scan, and the address printed under the code for those who would type it.
 */
final class LabelSheet {

    /** What to print. Texts are given in the order of the sheet's languages. */
    record Sheet(String documentTitle, List<String> siteNames, List<String> invitations, List<Label> labels) {
        Sheet {
            siteNames = nfc(siteNames);
            invitations = nfc(invitations);
            labels = List.copyOf(labels);
        }
    }

    /** @param titles the exhibit's title in each of the sheet's languages that has one; the first is the main one */
    record Label(String exhibitId, String url, List<String> titles) {
        Label {
            titles = nfc(titles);
        }
    }

    static final int COLUMNS = 2;
    static final int ROWS = 4;
    static final int LABELS_PER_PAGE = COLUMNS * ROWS;

    private static final float MM = 72f / 25.4f;
    private static final PDRectangle PAGE = PDRectangle.A4;
    private static final float MARGIN = 10 * MM;
    static final float CELL_WIDTH = (PAGE.getWidth() - 2 * MARGIN) / COLUMNS;
    static final float CELL_HEIGHT = (PAGE.getHeight() - 2 * MARGIN) / ROWS;
    private static final float PADDING = 5 * MM;
    /** The code's dark modules span this much, whatever the code's version: 40 mm scans from about 40 cm. */
    static final float CODE_SIDE = 40 * MM;
    /**
     * How far the code's dark modules sit from the cell's edges, and the text from the code: fixed, so that
     * every label of a sheet looks alike, and wide enough for the quiet zone of any code version from 4 on.
     */
    private static final float CODE_INSET = 6.5f * MM;
    private static final float COLUMN_GAP = 5 * MM;
    /** Room left beyond the quiet zone, so that a slightly-off cut does not eat into it. */
    private static final float CUT_TOLERANCE = 1.5f * MM;
    private static final float MARK_LENGTH = 2.5f * MM;
    private static final float MARK_GAP = 1.5f * MM;
    private static final float MARK_WIDTH = 0.3f;
    private static final float LEADING = 1.25f;

    private final LabelFonts fonts;

    LabelSheet(LabelFonts fonts) {
        this.fonts = fonts;
    }

    byte[] render(Sheet sheet) {
        try (PDDocument document = new PDDocument();
             LabelFonts.DocumentFonts documentFonts = fonts.embedInto(document)) {
            document.getDocumentInformation().setTitle(sheet.documentTitle());
            document.getDocumentInformation().setCreator("Heritage Guide");
            String siteName = firstDrawable(sheet.siteNames());
            List<String> invitations = sheet.invitations().stream().filter(fonts::canDraw).distinct().toList();
            List<Label> labels = sheet.labels();
            for (int first = 0; first < labels.size(); first += LABELS_PER_PAGE) {
                PDPage page = new PDPage(PAGE);
                document.addPage(page);
                try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                    List<Label> onPage = labels.subList(first, Math.min(labels.size(), first + LABELS_PER_PAGE));
                    for (int i = 0; i < onPage.size(); i++) {
                        float left = MARGIN + (i % COLUMNS) * CELL_WIDTH;
                        float top = PAGE.getHeight() - MARGIN - (float) (i / COLUMNS) * CELL_HEIGHT;
                        new LabelLayout(content, documentFonts, left, top)
                                .draw(onPage.get(i), siteName, invitations, drawableTitles(onPage.get(i)));
                    }
                    drawCutMarks(content);
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot render the label sheet", e);
        }
    }

    private String firstDrawable(List<String> texts) {
        return texts.stream().filter(fonts::canDraw).findFirst().orElse("");
    }

    /** The titles these fonts can draw; if none, the exhibit's id, so that no label is left blank. */
    private List<String> drawableTitles(Label label) {
        List<String> titles = label.titles().stream().filter(fonts::canDraw).distinct().toList();
        return titles.isEmpty() ? List.of(label.exhibitId()) : titles;
    }

    /** Ticks in the page margins along every cut line, and small crosses where cut lines meet inside. */
    private static void drawCutMarks(PDPageContentStream content) throws IOException {
        content.setStrokingColor(0f);
        content.setLineWidth(MARK_WIDTH);
        float bottom = MARGIN;
        float top = PAGE.getHeight() - MARGIN;
        float right = PAGE.getWidth() - MARGIN;
        float tick = MARGIN - MARK_GAP - 1.5f * MM;
        for (int column = 0; column <= COLUMNS; column++) {
            float x = MARGIN + column * CELL_WIDTH;
            line(content, x, top + MARK_GAP, x, top + MARK_GAP + tick);
            line(content, x, bottom - MARK_GAP, x, bottom - MARK_GAP - tick);
        }
        for (int row = 0; row <= ROWS; row++) {
            float y = top - row * CELL_HEIGHT;
            line(content, MARGIN - MARK_GAP, y, MARGIN - MARK_GAP - tick, y);
            line(content, right + MARK_GAP, y, right + MARK_GAP + tick, y);
        }
        for (int column = 0; column <= COLUMNS; column++) {
            for (int row = 0; row <= ROWS; row++) {
                boolean onEdge = column == 0 || column == COLUMNS || row == 0 || row == ROWS;
                if (onEdge) {
                    continue;
                }
                float x = MARGIN + column * CELL_WIDTH;
                float y = top - row * CELL_HEIGHT;
                line(content, x - MARK_LENGTH, y, x + MARK_LENGTH, y);
                line(content, x, y - MARK_LENGTH, x, y + MARK_LENGTH);
            }
        }
        content.stroke();
    }

    private static void line(PDPageContentStream content, float x1, float y1, float x2, float y2) throws IOException {
        content.moveTo(x1, y1);
        content.lineTo(x2, y2);
    }

    private static List<String> nfc(List<String> texts) {
        return texts.stream().map(t -> Normalizer.normalize(t, Normalizer.Form.NFC).strip())
                .filter(t -> !t.isEmpty()).toList();
    }

    /** One label, drawn in the cell whose top-left corner is (left, top). */
    private static final class LabelLayout {

        private static final float SITE_SIZE = 7f;
        private static final float SITE_MIN = 6f;
        private static final float MAIN_TITLE_SIZE = 13f;
        private static final float MAIN_TITLE_MIN = 9f;
        private static final float OTHER_TITLE_SIZE = 9f;
        private static final float OTHER_TITLE_MIN = 7f;
        private static final float INVITATION_SIZE = 6.5f;
        private static final float INVITATION_MIN = 6f;
        private static final float URL_SIZE = 6.5f;
        private static final float URL_MIN = 5f;
        private static final float MIN_SCALE = 0.7f;
        private static final float MAX_SHRINK_TO_SAVE_A_LINE = 2f;

        private final PDPageContentStream content;
        private final LabelFonts.DocumentFonts fonts;
        private final float left;
        private final float top;

        LabelLayout(PDPageContentStream content, LabelFonts.DocumentFonts fonts, float left, float top) {
            this.content = content;
            this.fonts = fonts;
            this.left = left;
            this.top = top;
        }

        void draw(Label label, String siteName, List<String> invitations, List<String> titles) throws IOException {
            QrCode code = QrCode.encode(label.url());
            float module = CODE_SIDE / code.modules();
            float quietZone = QrCode.QUIET_ZONE * module;
            float inset = Math.max(CODE_INSET, quietZone + CUT_TOLERANCE);

            float contentWidth = CELL_WIDTH - inset - PADDING;
            Block url = urlBlock(printedUrl(label.url()), contentWidth);
            float blockHeight = CODE_SIDE + quietZone + url.height();
            float codeTop = top - Math.max(inset, (CELL_HEIGHT - blockHeight) / 2);
            float codeLeft = left + inset;
            drawCode(code, codeLeft, codeTop, module);
            url.draw(codeLeft, codeTop - CODE_SIDE - quietZone);

            float columnLeft = codeLeft + CODE_SIDE + Math.max(quietZone, COLUMN_GAP);
            float columnWidth = left + CELL_WIDTH - PADDING - columnLeft;
            drawTextColumn(columnLeft, codeTop, columnWidth, CODE_SIDE, siteName, titles, invitations);
        }

        private void drawCode(QrCode code, float codeLeft, float codeTop, float module) throws IOException {
            content.setNonStrokingColor(0f);
            int modules = code.modules();
            for (int y = 0; y < modules; y++) {
                int x = 0;
                while (x < modules) {
                    if (!code.isDark(x, y)) {
                        x++;
                        continue;
                    }
                    int start = x;
                    while (x < modules && code.isDark(x, y)) {
                        x++;
                    }
                    content.addRect(codeLeft + start * module, codeTop - (y + 1) * module, (x - start) * module, module);
                }
            }
            content.fill();
        }

        /** The address as a person would type it: without the scheme, cut before the signature if it must be. */
        private static String printedUrl(String url) {
            return url.replaceFirst("^https?://", "");
        }

        private Block urlBlock(String url, float width) {
            FontChain mono = fonts.mono();
            for (float size = URL_SIZE; size >= URL_MIN; size -= 0.5f) {
                if (mono.width(url, size) <= width) {
                    return new Block(List.of(url), mono, size, 0.2f);
                }
            }
            int query = url.indexOf('?');
            List<String> lines = query > 0 ? List.of(url.substring(0, query), url.substring(query)) : List.of(url);
            List<String> wrapped = new ArrayList<>();
            for (String line : lines) {
                wrapped.addAll(TextLines.wrap(line, mono, URL_MIN, width));
            }
            return new Block(wrapped, mono, URL_MIN, 0.2f);
        }

        /**
         * Site name and titles from the top, the invitation to scan at the bottom. The titles shrink
         * together until they fit; as a last resort the titles in the later languages are left out.
         */
        private void drawTextColumn(float x, float columnTop, float width, float height, String siteName,
                                    List<String> titles, List<String> invitations) throws IOException {
            for (int dropped = 0; dropped < titles.size(); dropped++) {
                List<String> kept = titles.subList(0, titles.size() - dropped);
                for (float scale = 1f; scale >= MIN_SCALE - 0.001f; scale -= 0.05f) {
                    List<Block> head = head(siteName, kept, width, scale);
                    List<Block> foot = foot(invitations, width);
                    if (height(head) + 2 * MM + height(foot) <= height) {
                        float y = columnTop;
                        for (Block block : head) {
                            y -= block.spaceBefore;
                            block.draw(x, y);
                            y -= block.height();
                        }
                        y = columnTop - height + height(foot);
                        for (Block block : foot) {
                            y -= block.spaceBefore;
                            block.draw(x, y);
                            y -= block.height();
                        }
                        return;
                    }
                }
            }
            throw new IllegalStateException("A label's main title does not fit even alone at its smallest size");
        }

        private List<Block> head(String siteName, List<String> titles, float width, float scale) {
            List<Block> blocks = new ArrayList<>();
            if (!siteName.isEmpty()) {
                float size = sizeSavingALine(siteName, fonts.bold(), SITE_SIZE, SITE_MIN, width);
                blocks.add(fitted(siteName, fonts.bold(), size, SITE_MIN, 2, width, 0.45f, 0));
            }
            for (int i = 0; i < titles.size(); i++) {
                boolean main = i == 0;
                float min = main ? MAIN_TITLE_MIN : OTHER_TITLE_MIN;
                float size = Math.max(min, (main ? MAIN_TITLE_SIZE : OTHER_TITLE_SIZE) * scale);
                float space = blocks.isEmpty() ? 0 : (main ? 2.5f : 1.5f) * MM;
                FontChain font = main ? fonts.bold() : fonts.regular();
                if (main) {
                    size = sizeSavingALine(titles.get(i), font, size, min, width);
                }
                blocks.add(fitted(titles.get(i), font, size, min, 3, width, main ? 0f : 0.3f, space));
            }
            return blocks;
        }

        /** A slightly smaller size if it spares a line (no "Thầy giáo Chu Văn" / "An"). */
        private static float sizeSavingALine(String text, FontChain font, float size, float min, float width) {
            int lines = TextLines.wrap(text, font, size, width).size();
            for (float smaller = size - 0.5f; smaller >= Math.max(min, size - MAX_SHRINK_TO_SAVE_A_LINE); smaller -= 0.5f) {
                if (TextLines.wrap(text, font, smaller, width).size() < lines) {
                    return smaller;
                }
            }
            return size;
        }

        /** The invitation to scan: the same size on every label of the sheet. */
        private List<Block> foot(List<String> invitations, float width) {
            List<Block> blocks = new ArrayList<>();
            for (String invitation : invitations) {
                blocks.add(fitted(invitation, fonts.regular(), INVITATION_SIZE, INVITATION_MIN, 2, width, 0.35f,
                        blocks.isEmpty() ? 0 : 0.5f * MM));
            }
            return blocks;
        }

        private Block fitted(String text, FontChain font, float size, float minSize, int maxLines, float width,
                             float gray, float spaceBefore) {
            List<String> lines = TextLines.wrap(text, font, size, width);
            if (lines.size() > maxLines && size - 0.5f >= minSize) {
                return fitted(text, font, size - 0.5f, minSize, maxLines, width, gray, spaceBefore);
            }
            return new Block(TextLines.clamp(lines, maxLines, font, size, width), font, size, gray, spaceBefore);
        }

        private static float height(List<Block> blocks) {
            float height = 0;
            for (Block block : blocks) {
                height += block.spaceBefore + block.height();
            }
            return height;
        }

        /** Lines of one text, one size, one shade of grey. */
        private final class Block {
            private final List<String> lines;
            private final FontChain font;
            private final float size;
            private final float gray;
            private final float spaceBefore;

            Block(List<String> lines, FontChain font, float size, float gray) {
                this(lines, font, size, gray, 0);
            }

            Block(List<String> lines, FontChain font, float size, float gray, float spaceBefore) {
                this.lines = lines;
                this.font = font;
                this.size = size;
                this.gray = gray;
                this.spaceBefore = spaceBefore;
            }

            float height() {
                return lines.size() * size * LEADING;
            }

            /** Draws the lines below {@code blockTop}: room above each baseline for stacked Vietnamese marks. */
            void draw(float x, float blockTop) throws IOException {
                content.setNonStrokingColor(gray);
                content.setStrokingColor(gray);
                float baseline = blockTop - size;
                for (String line : lines) {
                    font.show(content, line, size, x, baseline);
                    baseline -= size * LEADING;
                }
            }
        }
    }
}
