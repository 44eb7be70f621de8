package org.heritageguide.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SourceRefTest {

    @Test
    void writesTheTextFormsStoredInSessionsAndLogs() {
        assertThat(SourceRef.exhibit("khue-van-cac")).hasToString("exhibit:khue-van-cac");
        assertThat(SourceRef.faq("who-founded-the-temple")).hasToString("faq:who-founded-the-temple");
        assertThat(SourceRef.info(VisitorTopic.DRESS_CODE)).hasToString("info:dressCode");
        assertThat(SourceRef.info("hours")).hasToString("info:hours");
        assertThat(SourceRef.siteIntro()).hasToString("site:intro");
    }

    @Test
    void readsThemBack() {
        for (SourceRef ref : new SourceRef[] {SourceRef.exhibit("ede-long-house"), SourceRef.faq("a:b"),
                SourceRef.info("tickets"), SourceRef.siteIntro()}) {
            assertThat(SourceRef.parse(ref.toString())).isEqualTo(ref);
        }
        assertThat(SourceRef.parse("faq:a:b")).isEqualTo(SourceRef.faq("a:b"));
        assertThat(SourceRef.siteIntro().is("site:intro")).isTrue();
        assertThat(SourceRef.siteIntro().is(null)).isFalse();
        assertThat(SourceRef.exhibit("x").is("faq:x")).isFalse();
    }

    @Test
    void refusesAnythingElse() {
        for (String text : new String[] {"", "exhibit:", "site:other", "exhibit", ":x", "picture:x"}) {
            assertThatThrownBy(() -> SourceRef.parse(text)).as(text).isInstanceOf(IllegalArgumentException.class);
        }
    }
}
