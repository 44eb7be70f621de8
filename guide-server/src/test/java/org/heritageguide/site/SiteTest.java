package org.heritageguide.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class SiteTest {

    private final Site site = Site.builder("s").name(Localized.of("vi", "Tên")).defaultLanguage("vi").sourceLanguage("vi")
            .languages(List.of("vi", "en", "fr")).intro(Localized.of("vi", "Chào")).build();

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
        Site englishFirst = Site.builder("s").name(Localized.of("vi", "Tên")).defaultLanguage("vi").sourceLanguage("vi")
                .languages(List.of("vi", "en", "ko")).fallbackLanguages(List.of("en")).intro(Localized.of("vi", "Chào")).build();

        assertThat(englishFirst.fallbackChain("ko")).containsExactly("ko", "en", "vi");
        assertThat(englishFirst.fallbackChain("vi")).containsExactly("vi", "en");
    }
}
