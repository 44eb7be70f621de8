package org.heritageguide.dialogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;

import org.heritageguide.i18n.Languages;
import org.junit.jupiter.api.Test;

/** Every language of the guide's own phrases has every phrase English has, and no others. */
class GuidePhrasesBundlesTest {

    private static final Path I18N = Path.of("guide-server/src/main/resources/i18n");
    private static final java.util.Set<String> NAMING_A_LANGUAGE = java.util.Set.of("voice.no-speech-model", "voice.no-voice",
            "answer.language-switched", "answer.language-same");

    @Test
    void everyLanguageHasEveryPhrase() throws IOException {
        Properties english = load(bundle("en"));
        List<Path> bundles = Languages.supported().stream().map(GuidePhrasesBundlesTest::bundle).toList();
        for (Path bundle : bundles) {
            Properties phrases = load(bundle);
            // grammar.* says how a language puts names into sentences: only languages with articles have it
            assertThat(phrases(phrases)).as(bundle.toString()).containsExactlyInAnyOrderElementsOf(phrases(english));
            phrases.forEach((key, value) -> assertThat(value.toString()).as(bundle + " " + key).isNotBlank());
        }
    }

    @Test
    void phrasesFillTheirPlaceholders() {
        GuidePhrases phrases = new GuidePhrases();
        assertThat(phrases.say("vi", "greeting.exhibit", "Văn Miếu", "Khuê Văn Các"))
                .contains("Văn Miếu", "Khuê Văn Các").doesNotContain("{0}", "{1}");
        assertThat(phrases.say("xx", "greeting.site", "Văn Miếu")).as("an unknown language falls back to English")
                .startsWith("Welcome to Văn Miếu");
    }

    @Test
    void aNameInsideASentenceTakesItsArticleAsTheLanguageWants() {
        GuidePhrases phrases = new GuidePhrases();
        assertThat(phrases.say("en", "greeting.exhibit", "The Temple of Literature", "The doctoral stelae"))
                .startsWith("Welcome to the Temple of Literature! You are at the doctoral stelae.");
        assertThat(phrases.say("fr", "answer.near", "Le bâtiment du Tambour de bronze", "Nhà sàn Tày"))
                .isEqualTo("Près du bâtiment du Tambour de bronze : Nhà sàn Tày.");
        assertThat(phrases.say("fr", "answer.near", "Les stèles des docteurs", "Khuê Văn Các"))
                .isEqualTo("Près des stèles des docteurs : Khuê Văn Các.");
        assertThat(phrases.say("fr", "answer.near", "La porte Đại Trung", "Khuê Văn Các"))
                .isEqualTo("Près de la porte Đại Trung : Khuê Văn Các.");
        assertThat(phrases.say("fr", "greeting.site", "Le Temple de la Littérature"))
                .as("a sentence starts with the name as written").startsWith("Le Temple de la Littérature vous souhaite");
        assertThat(phrases.say("vi", "answer.near", "Khuê Văn Các", "Đại Trung Môn")).contains("Khuê Văn Các");
    }

    @Test
    void everyNameInAListInsideASentenceTakesItsArticleAsTheLanguageWants() {
        GuidePhrases phrases = new GuidePhrases();
        assertThat(phrases.say("en", "answer.unknown", phrases.list("en",
                List.of("Chu Văn An", "The Thái Học hall", "The Đại Thành sanctuary"))))
                .contains("about these: Chu Văn An, the Thái Học hall, and the Đại Thành sanctuary.");
        assertThat(phrases.say("en", "answer.unknown", phrases.list("en", List.of("The Kite building", "Hmong house"))))
                .contains("about these: the Kite building and Hmong house.");
    }

    /**
     * Names carry their article ("The Temple of Literature", "Le Musée d'Ethnographie du Vietnam"), so a phrase
     * must not put one before them: "it is at the {1}" said "at the the Temple of Literature", "au {1}" said "au le
     * Musée". Every phrase, every placeholder given a name with each of its language's articles, says no article
     * right after another or after a word it should have contracted with. (The phrases that name a language,
     * "le vietnamien", take no place name.)
     */
    @Test
    void noPhraseSaysAnArticleTwiceOrLeavesOneUncontracted() throws IOException {
        GuidePhrases guide = new GuidePhrases();
        for (String language : Languages.supported()) {
            Properties bundle = load(bundle(language));
            List<String> articles = List.of(bundle.getProperty("grammar.articles", "").split("\\|")).stream()
                    .filter(article -> !article.isEmpty()).toList();
            List<String> contractions = List.of(bundle.getProperty("grammar.contractions", "").split("\\|")).stream()
                    .filter(rule -> rule.contains("=")).toList();
            java.util.Set<String> mustNotPrecedeAName = new java.util.HashSet<>();
            articles.forEach(article -> mustNotPrecedeAName.add(article.strip().toLowerCase(java.util.Locale.ROOT)));
            contractions.forEach(rule -> mustNotPrecedeAName.add(rule.split("=")[1]));
            for (String article : articles) {
                String name = article.endsWith("'") ? article + "Abbaye Zed" : article + " Zed";
                String inSentence = name.substring(0, article.length()).toLowerCase(java.util.Locale.ROOT).strip();
                for (String key : phrases(bundle)) {
                    if (NAMING_A_LANGUAGE.contains(key)) {
                        continue;
                    }
                    String said = guide.say(language, key, name, name, name, name);
                    for (String before : mustNotPrecedeAName) {
                        assertThat(said.toLowerCase(java.util.Locale.ROOT)).as("%s %s: %s", language, key, said)
                                .doesNotContain(" " + before + " " + inSentence + (article.endsWith("'") ? "" : " "));
                    }
                    for (String rule : contractions) {
                        assertThat(said).as("%s %s: %s", language, key, said).doesNotContain(" " + rule.split("=")[0] + " ");
                    }
                }
            }
        }
    }

    @Test
    void everyPhraseIsSaidWithEveryLetterItHas() throws IOException {
        GuidePhrases guide = new GuidePhrases();
        for (String language : Languages.supported()) {
            Path bundle = bundle(language);
            for (String key : phrases(load(bundle))) {
                // a phrase is a MessageFormat: an apostrophe is written '' ("This label's code" came out "This labels code")
                String said = guide.say(language, key, "A", "B", "C", "D");
                String written = load(bundle).getProperty(key).replaceAll("\\{\\d}", "").replace("''", "'");
                assertThat(said.chars().filter(c -> c == '\'').count()).as(bundle + " " + key)
                        .isEqualTo(written.chars().filter(c -> c == '\'').count());
            }
        }
    }

    private static java.util.Set<String> phrases(Properties bundle) {
        return bundle.stringPropertyNames().stream().filter(key -> !key.startsWith("grammar."))
                .collect(java.util.stream.Collectors.toSet());
    }

    private static Path bundle(String language) {
        return I18N.resolve(language).resolve("guide.properties");
    }

    private static Properties load(Path file) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }
}
