package org.heritageguide.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.web.util.HtmlUtils;

/** The one page templater: escaped values, values never read as templates, and no silent gaps. */
class PageTemplateTest {

    private final PageTemplate page = PageTemplate.of("templates-test/page.html");

    @Test
    void aValueIsEscapedAtLeastAsStrictlyAsSpringsHtmlEscape() {
        String title = "<script>alert('x')</script> \"A\" & B";
        String filled = page.render(Map.of("title", title, "flag", false, "raw", ""));
        assertThat(filled).doesNotContain("<script>alert", "'x'", "\"A\"", " & ")
                .contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &quot;A&quot; &amp; B")
                .as("what Spring's HtmlUtils.htmlEscape made of it before").contains(HtmlUtils.htmlEscape(title, "UTF-8"));
        assertThat(page.render(Map.of("title", "a=b `c`", "flag", false, "raw", ""))).contains("a&#x3D;b &#x60;c&#x60;");
    }

    @Test
    void aValueIsNeverReadAsATemplate() {
        String filled = page.render(Map.of("title", "{{raw}} {{{raw}}}", "flag", true, "raw", "'a.js'"));
        assertThat(filled).startsWith("<p title=\"{{raw}} {{{raw}}}\">{{raw}} {{{raw}}}</p> hidden\n")
                .contains("const LIST = ['a.js'];");
    }

    @Test
    void aFlagShowsItsTextOnlyWhenTrue() {
        assertThat(page.render(Map.of("title", "t", "flag", false, "raw", ""))).doesNotContain("hidden");
    }

    @Test
    void aMissingValueIsAnErrorNotAGap() {
        assertThatThrownBy(() -> page.render(Map.of("flag", true, "raw", "")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("templates-test/page.html");
        assertThatThrownBy(() -> PageTemplate.of("templates-test/none.html")).hasMessageContaining("Missing page template");
    }
}
