package org.heritageguide.visitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.heritageguide.dialogue.GuidePhrases;
import org.heritageguide.qr.LabelSigner;
import org.heritageguide.session.Sessions;
import org.heritageguide.site.ContentLoader;
import org.heritageguide.site.Site;
import org.heritageguide.site.SiteDirectory;
import org.junit.jupiter.api.Test;

/**
 * What a curator writes is shown as text on the visitor's pages, never read as HTML or as a template:
 * an exhibit title holding {@code <script>} or {@code {{version}}} comes out as written, escaped.
 */
class LabelPageEscapingTest {

    private static final String TITLE = "<script>alert('x')</script> \"Well\" & {{version}}";

    @Test
    void aCuratorsTitleIsEscapedOnTheLabelPage() throws IOException {
        Site site = siteWithTitle(TITLE);
        SiteDirectory sites = mock(SiteDirectory.class);
        when(sites.site("van-mieu")).thenReturn(Optional.of(site));
        LabelSigner signer = mock(LabelSigner.class);
        when(signer.verify(anyString(), anyString(), anyString())).thenReturn(true);
        VisitorStrings strings = new VisitorStrings();
        LabelPageController pages = new LabelPageController(sites, signer, new GuidePhrases(), mock(Sessions.class),
                strings, new VisitorAssets(strings));

        String page = pages.label("van-mieu", "thien-quang-tinh", "sig", "en", null).getBody();

        String escaped = "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &quot;Well&quot; &amp; {{version}}";
        assertThat(page).contains("<title>" + escaped + "</title>")
                .doesNotContain("<script>alert", "alert('x')")
                .contains("data-exhibit=\"thien-quang-tinh\"", "Hold to ask");
        assertThat(page.replace(escaped, "")).as("no placeholder left but the title's own").doesNotContain("{{");
    }

    private static Site siteWithTitle(String title) throws IOException {
        Path root = Path.of("content");
        Map<String, String> files = new HashMap<>();
        try (Stream<Path> walk = Files.walk(root.resolve("sites/van-mieu"))) {
            for (Path file : walk.filter(f -> f.toString().endsWith(".yaml")).toList()) {
                files.put(root.relativize(file).toString(), Files.readString(file));
            }
        }
        String exhibit = "sites/van-mieu/exhibits/thien-quang-tinh.yaml";
        files.put(exhibit, files.get(exhibit).replace("  en: Thiên Quang Tỉnh, the Well of Heavenly Clarity",
                "  en: '" + title.replace("'", "''") + "'"));
        Site site = ContentLoader.loadFiles(files).site("van-mieu").orElseThrow();
        assertThat(site.exhibit("thien-quang-tinh").orElseThrow().title().firstOf(java.util.List.of("en")).orElseThrow().text())
                .isEqualTo(title);
        return site;
    }
}
