package org.heritageguide.studio;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The studio's pages fill in what they are given as text, escaped; the notice is hidden when there is none. */
class StudioPagesTest {

    @Test
    void whatAPageIsGivenComesOutEscaped() {
        assertThat(StudioPages.forbidden("the site “<script>alert('x')</script>”"))
                .contains("may not open the site “&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;”.")
                .doesNotContain("<script>");
        assertThat(StudioPages.login("to\"ken", "<b>Wrong</b> password", "error"))
                .contains("<p class=\"notice notice-error\" role=\"alert\" >&lt;b&gt;Wrong&lt;/b&gt; password</p>")
                .contains("name=\"_csrf\" value=\"to&quot;ken\"");
    }

    @Test
    void theLoginNoticeIsHiddenWhenThereIsNone() {
        assertThat(StudioPages.login("t", "", "info"))
                .contains("<p class=\"notice notice-info\" role=\"alert\" hidden></p>");
        assertThat(StudioPages.app("t")).contains("t").doesNotContain("{{");
    }
}
