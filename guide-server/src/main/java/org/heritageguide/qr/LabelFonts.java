package org.heritageguide.qr;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.fontbox.ttf.OpenTypeFont;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.fontbox.ttf.CmapLookup;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The fonts label sheets are set in: DejaVu Sans Condensed (regular, bold) and DejaVu Sans Mono, shipped
 * with the server, for Latin and Vietnamese; then the CJK fonts found on this machine
 * ({@link LabelSettings#cjkFonts()}), tried character by character. Every font is embedded as a subset.
 */
@Component
class LabelFonts {

    private static final Logger log = LoggerFactory.getLogger(LabelFonts.class);

    private final FontFace regular;
    private final FontFace bold;
    private final FontFace mono;
    private final List<FontFace> cjk;

    LabelFonts(LabelSettings settings) {
        this.regular = bundled("DejaVuSansCondensed.ttf");
        this.bold = bundled("DejaVuSansCondensed-Bold.ttf");
        this.mono = bundled("DejaVuSansMono.ttf");
        this.cjk = new ArrayList<>();
        for (String path : settings.cjkFonts()) {
            FontFace face = fromFile(Path.of(path));
            if (face != null) {
                cjk.add(face);
            }
        }
        if (cjk.isEmpty()) {
            log.warn("Labels: none of the CJK fonts {} can be used; Chinese, Japanese and Korean titles will be left off label sheets",
                    settings.cjkFonts());
        } else {
            log.info("Labels: CJK titles are set in {}", cjk.stream().map(FontFace::name).toList());
        }
    }

    /** Whether every character of {@code text} can be drawn, in regular and in bold. */
    boolean canDraw(String text) {
        return text.codePoints().allMatch(cp -> covers(regular, cp) && covers(bold, cp));
    }

    private boolean covers(FontFace first, int codePoint) {
        return first.covers(codePoint) || cjk.stream().anyMatch(face -> face.covers(codePoint));
    }

    /**
     * The fonts for {@code document}, each put into it the first time a character needs it (a sheet
     * without Chinese or Korean does not pay for reading a CJK font). Close the result after the
     * document is saved.
     */
    DocumentFonts embedInto(PDDocument document) {
        DocumentFonts fonts = new DocumentFonts();
        List<FontChain.Member> cjkMembers = new ArrayList<>();
        for (FontFace face : cjk) {
            cjkMembers.add(new FontChain.Member(fonts.lazy(document, face), false));
        }
        fonts.regular = fonts.chain(document, regular, cjkMembers);
        fonts.bold = fonts.chain(document, bold, cjkMembers.stream().map(FontChain.Member::asBold).toList());
        fonts.mono = fonts.chain(document, mono, cjkMembers);
        return fonts;
    }

    /** The fonts of one document. The underlying font files stay open until {@link #close()}. */
    static final class DocumentFonts implements Closeable {

        private final List<Closeable> open = new ArrayList<>();
        private FontChain regular;
        private FontChain bold;
        private FontChain mono;

        FontChain regular() {
            return regular;
        }

        FontChain bold() {
            return bold;
        }

        FontChain mono() {
            return mono;
        }

        private FontChain.LazyFont lazy(PDDocument document, FontFace face) {
            return new FontChain.LazyFont(face.cmap(), () -> {
                OpenFont font = face.open();
                open.add(font.resource());
                return PDType0Font.load(document, font.font(), true);
            });
        }

        private FontChain chain(PDDocument document, FontFace first, List<FontChain.Member> fallbacks) {
            List<FontChain.Member> members = new ArrayList<>();
            members.add(new FontChain.Member(lazy(document, first), false));
            members.addAll(fallbacks);
            return new FontChain(members);
        }

        @Override
        public void close() {
            for (Closeable resource : open) {
                try {
                    resource.close();
                } catch (IOException e) {
                    log.debug("Closing a font file failed", e);
                }
            }
            open.clear();
        }
    }

    private record OpenFont(TrueTypeFont font, Closeable resource) {
    }

    private interface Opener {
        OpenFont open() throws IOException;
    }

    /** A font that can be opened again for each document, with its character map read once. */
    private record FontFace(String name, CmapLookup cmap, Opener opener) {

        boolean covers(int codePoint) {
            return cmap.getGlyphId(codePoint) != 0;
        }

        OpenFont open() throws IOException {
            return opener.open();
        }
    }

    private static FontFace bundled(String file) {
        byte[] bytes;
        try (InputStream in = LabelFonts.class.getResourceAsStream("/fonts/" + file)) {
            if (in == null) {
                throw new IllegalStateException("The font /fonts/" + file + " is missing from the class path");
            }
            bytes = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Opener opener = () -> {
            TrueTypeFont font = new TTFParser().parse(new RandomAccessReadBuffer(bytes));
            return new OpenFont(font, font);
        };
        return face(file, opener);
    }

    /** The font in that file, or null (with the reason logged) if it is missing or cannot be embedded. */
    private static FontFace fromFile(Path path) {
        if (!Files.isReadable(path)) {
            log.info("Labels: no font at {}", path);
            return null;
        }
        String file = path.getFileName().toString().toLowerCase(Locale.ROOT);
        try {
            if (file.endsWith(".ttc") || file.endsWith(".otc")) {
                String name = firstTrueTypeOutlineFont(path);
                if (name == null) {
                    log.warn("Labels: {} holds only fonts with CFF outlines, which PDFBox cannot embed", path);
                    return null;
                }
                return face(path + "#" + name, () -> {
                    TrueTypeCollection collection = new TrueTypeCollection(path.toFile());
                    return new OpenFont(collection.getFontByName(name), collection);
                });
            }
            return face(path.toString(), () -> {
                TrueTypeFont font = new TTFParser().parse(new RandomAccessReadBufferedFile(path));
                if (hasCffOutlines(font)) {
                    font.close();
                    throw new IOException(path + " has CFF outlines, which PDFBox cannot embed");
                }
                return new OpenFont(font, font);
            });
        } catch (IOException | RuntimeException e) {
            log.warn("Labels: the font {} cannot be used: {}", path, e.getMessage());
            return null;
        }
    }

    private static String firstTrueTypeOutlineFont(Path path) throws IOException {
        List<String> names = new ArrayList<>();
        try (TrueTypeCollection collection = new TrueTypeCollection(path.toFile())) {
            collection.processAllFonts(font -> {
                if (names.isEmpty() && !hasCffOutlines(font)) {
                    names.add(font.getName());
                }
            });
        }
        return names.isEmpty() ? null : names.get(0);
    }

    private static boolean hasCffOutlines(TrueTypeFont font) {
        return font instanceof OpenTypeFont otf && otf.isPostScript();
    }

    /** Opens the font once, to check it and keep its character map. */
    private static FontFace face(String name, Opener opener) {
        try {
            OpenFont font = opener.open();
            try (Closeable ignored = font.resource()) {
                CmapLookup cmap = font.font().getUnicodeCmapLookup();
                if (cmap == null) {
                    throw new IOException(name + " has no Unicode character map");
                }
                return new FontFace(name, cmap, opener);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
