package org.heritageguide.dialogue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import com.github.pemistahl.lingua.api.IsoCode639_1;
import com.github.pemistahl.lingua.api.Language;
import com.github.pemistahl.lingua.api.LanguageDetector;
import com.github.pemistahl.lingua.api.LanguageDetectorBuilder;

/**
 * Which of a site's languages a question is typed in. Scripts decide alone where they can (Hangul is
 * Korean; Han without kana is Chinese); otherwise lingua decides, with a detector built for the site's
 * languages only (all of lingua's languages would take about 1 GB).
 */
final class TypedLanguage {

    private final Map<List<String>, LanguageDetector> detectors = new ConcurrentHashMap<>();

    /** Loads the models of these languages now, so that the first visitor does not wait for them. */
    void prepare(List<String> languages) {
        detector(languages).ifPresent(detector -> detector.computeLanguageConfidenceValues("hello"));
    }

    /**
     * How likely the text is in each of the site's languages, relative to the likeliest (1). lingua's
     * values on a few words are only a hint: "Qui était Chu Văn An ?" comes out Vietnamese, because of
     * the name.
     */
    Map<String, Double> likelihoods(String text, List<String> siteLanguages) {
        Map<String, Double> likelihoods = new HashMap<>();
        Optional<String> byScript = byScript(text, siteLanguages);
        if (byScript.isPresent()) {
            likelihoods.put(byScript.get(), 1.0);
            return likelihoods;
        }
        detector(siteLanguages).ifPresent(detector -> detector.computeLanguageConfidenceValues(text).forEach(
                (language, value) -> likelihoods.put(language.getIsoCode639_1().toString().toLowerCase(Locale.ROOT), value)));
        return likelihoods;
    }

    private static Optional<String> byScript(String text, List<String> languages) {
        boolean han = false;
        boolean kana = false;
        boolean hangul = false;
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            Character.UnicodeScript script = Character.UnicodeScript.of(c);
            han |= script == Character.UnicodeScript.HAN;
            kana |= script == Character.UnicodeScript.HIRAGANA || script == Character.UnicodeScript.KATAKANA;
            hangul |= script == Character.UnicodeScript.HANGUL;
            i += Character.charCount(c);
        }
        if (hangul && languages.contains("ko")) {
            return Optional.of("ko");
        }
        if (kana && languages.contains("ja")) {
            return Optional.of("ja");
        }
        if (han && languages.contains("zh")) {
            return Optional.of("zh");
        }
        return Optional.empty();
    }

    private Optional<LanguageDetector> detector(List<String> languages) {
        List<String> key = languages.stream().sorted().toList();
        LanguageDetector detector = detectors.computeIfAbsent(key, TypedLanguage::build);
        return Optional.ofNullable(detector);
    }

    private static LanguageDetector build(List<String> languages) {
        List<Language> known = new ArrayList<>();
        for (String language : languages) {
            for (IsoCode639_1 code : IsoCode639_1.values()) {
                if (code.toString().equalsIgnoreCase(language)) {
                    known.add(Language.getByIsoCode639_1(code));
                }
            }
        }
        if (known.size() < 2) {
            return null;
        }
        return LanguageDetectorBuilder.fromLanguages(known.toArray(Language[]::new)).withPreloadedLanguageModels().build();
    }
}
