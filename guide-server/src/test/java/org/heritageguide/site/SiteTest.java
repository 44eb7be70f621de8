package org.heritageguide.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class SiteTest {

    private final Site site = new Site("s", Localized.of("vi", "Tên"), Names.NONE, "vi", "vi", List.of("vi", "en", "fr"),
            List.of(), List.of(), Localized.EMPTY, Localized.of("vi", "Chào"), Map.of(), List.of(), BrowserSpeech.ON_DEVICE, Map.of(), List.of());

    @Test
    void negotiatesThePreferredLanguageTheSiteSpeaks() {
        assertThat(site.negotiateLanguage(List.of("de-DE", "fr-CA", "en"))).isEqualTo("fr");
        assertThat(site.negotiateLanguage(List.of("EN_us"))).isEqualTo("en");
    }

    @Test
    void fallsBackToTheDefaultLanguage() {
        assertThat(site.negotiateLanguage(List.of("ja", "de"))).isEqualTo("vi");
        assertThat(site.negotiateLanguage(List.of())).isEqualTo("vi");
    }

    @Test
    void theFallbackChainIsTheVisitorsLanguageThenTheDefaultThenEnglishWithoutRepeats() {
        assertThat(site.fallbackChain("fr")).containsExactly("fr", "vi", "en");
        assertThat(site.fallbackChain("vi")).containsExactly("vi", "en");
    }

    @Test
    void aSiteCanOfferEnglishBeforeItsDefaultLanguageToForeignVisitors() {
        Site englishFirst = new Site("s", Localized.of("vi", "Tên"), Names.NONE, "vi", "vi", List.of("vi", "en", "ko"), List.of(),
                List.of("en"), Localized.EMPTY, Localized.of("vi", "Chào"), Map.of(), List.of(), BrowserSpeech.ON_DEVICE, Map.of(), List.of());

        assertThat(englishFirst.fallbackChain("ko")).containsExactly("ko", "en", "vi");
        assertThat(englishFirst.fallbackChain("vi")).containsExactly("vi", "en");
    }
}
