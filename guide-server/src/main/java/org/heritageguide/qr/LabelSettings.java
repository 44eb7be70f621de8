package org.heritageguide.qr;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param secret   the key QR label signatures are made with; unset, one is generated on first start and
 *                 kept in the data directory. Changing it invalidates every printed label.
 * @param cjkFonts TrueType fonts (.ttf, or .ttc collections with TrueType outlines) for Chinese, Japanese
 *                 and Korean titles on label sheets, tried in order for each character. Latin and
 *                 Vietnamese use the DejaVu fonts shipped with the server. A title that none of them can
 *                 draw is left off its label. OpenType fonts with CFF outlines (Noto Sans CJK) cannot be
 *                 embedded by PDFBox. (Paths as strings: the binder cannot turn a list of default
 *                 strings into paths.)
 */
@ConfigurationProperties("guide.labels")
public record LabelSettings(
        String secret,
        @DefaultValue({"/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
                "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf"}) List<String> cjkFonts) {
}
