package org.heritageguide.kiosk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** Every string the kiosk shows exists, non-empty, in every language of the guide's texts ({@code i18n/<language>/}). */
class KioskTextsTest {

    private static final Path TEXTS = Path.of("guide-server/src/main/resources/i18n");

    private static final Pattern KEY_IN_CODE = Pattern.compile("\"((?:welcome|talk|ask|nav|exhibit|answer|phone|offline|idle|error|info|operator|language|keyboard)(?:\\.[A-Za-z]+)+\\.?|goodbye)\"");

    static Stream<String> languages() throws IOException {
        List<String> languages;
        try (Stream<Path> folders = Files.list(TEXTS)) {
            languages = folders.map(folder -> folder.getFileName().toString()).sorted().toList();
        }
        assertThat(languages).contains("en", "vi", "fr", "zh", "ko");
        return languages.stream();
    }

    @ParameterizedTest
    @MethodSource("languages")
    void eachLanguageHasExactlyTheEnglishKeysAllFilledIn(String language) throws IOException {
        Properties english = bundle("en");
        Properties translated = bundle(language);
        assertThat(translated.stringPropertyNames()).isEqualTo(english.stringPropertyNames());
        translated.forEach((key, text) -> assertThat(text.toString()).as(language + " " + key).isNotBlank());
    }

    @Test
    void everyKeyTheCodeUsesIsInTheBundles() throws IOException {
        Set<String> used = new TreeSet<>();
        try (Stream<Path> sources = Files.walk(Path.of("kiosk-app/src/main/java"))) {
            for (Path source : sources.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher keys = KEY_IN_CODE.matcher(Files.readString(source));
                while (keys.find()) {
                    used.add(keys.group(1));
                }
            }
        }
        Properties english = bundle("en");
        assertThat(used).isNotEmpty();
        for (String key : used) {
            if (key.equals("info.topic.")) {
                continue;
            }
            assertThat(english).as("i18n/en/kiosk.properties has " + key).containsKey(key);
        }
        for (String topic : new String[] {"hours", "tickets", "toilets", "accessibility", "photography", "dressCode", "cafe", "shop", "contact"}) {
            assertThat(english).containsKey("info.topic." + topic);
        }
    }

    @Test
    void languagesAreNamedInTheirOwnScript() {
        assertThat(UiTexts.languageName("vi")).isEqualTo("Tiếng Việt");
        assertThat(UiTexts.languageName("fr")).isEqualTo("Français");
        assertThat(UiTexts.languageName("ko")).isEqualTo("한국어");
        assertThat(UiTexts.of("ja").get("talk.hold")).isEqualTo("Hold to talk");
    }

    private static Properties bundle(String language) throws IOException {
        Properties properties = new Properties();
        // as built into the kiosk
        try (InputStream in = UiTexts.class.getResourceAsStream("/i18n/" + language + "/kiosk.properties")) {
            assertThat(in).as("i18n/" + language + "/kiosk.properties").isNotNull();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
