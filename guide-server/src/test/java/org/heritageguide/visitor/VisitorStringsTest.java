package org.heritageguide.visitor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.heritageguide.i18n.Languages;
import org.heritageguide.i18n.TextBundle;
import org.heritageguide.site.VisitorTopic;
import org.junit.jupiter.api.Test;


/** Every word of the web app exists in every language it is translated into, with the same placeholders. */
class VisitorStringsTest {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\d+}");

    @Test
    void everyLanguageHasEveryStringWithItsPlaceholders() throws IOException {
        Map<String, String> english = strings("en");
        for (String language : Languages.supported()) {
            Map<String, String> translated = strings(language);
            assertThat(translated.keySet()).as(language).containsExactlyInAnyOrderElementsOf(english.keySet());
            translated.forEach((key, text) -> {
                assertThat(text).as(language + " " + key).isNotBlank();
                assertThat(placeholders(text)).as(language + " " + key).isEqualTo(placeholders(english.get(key)));
            });
        }
    }

    @Test
    void everyStringThePageAndItsScriptsUseExists() throws IOException {
        Set<String> used = new TreeSet<>();
        used.addAll(matches(resource("visitor/app.html"), "\\{\\{t:([a-z0-9.\\-]+)}}", "data-i18n(?:-[a-z-]+)?=\"([a-z0-9.\\-]+)\""));
        // every quoted 'group.name' in the scripts is a string key
        try (Stream<Path> scripts = Files.list(Path.of("guide-server/src/main/resources/visitor/web"))) {
            for (Path script : scripts.filter(file -> file.toString().endsWith(".js")).toList()) {
                used.addAll(matches(Files.readString(script),
                        "'((?:app|nav|exhibits?|info|suggest|log|ask|type|start|error|action|handoff|voice)\\.[a-z0-9.\\-]+)'"));
            }
        }
        // and the pages the server renders with the same words
        for (String controller : new String[] {"LabelPageController.java"}) {
            used.addAll(matches(Files.readString(Path.of("guide-server/src/main/java/org/heritageguide/visitor", controller)),
                    "strings\\.text\\([^,]+, \"([a-z0-9.\\-]+)\""));
        }
        // keys the script builds from a code: the microphone's problems and the visitor information topics
        for (String kind : new String[] {"denied", "absent", "unsupported"}) {
            used.add("error.mic-" + kind);
        }
        // (every topic a site may have, which the page must list in its order of topics)
        String page = resource("visitor/web/exhibit-page.js");
        for (VisitorTopic topic : VisitorTopic.values()) {
            assertThat(page).as("exhibit-page.js's INFO_TOPICS has " + topic.key())
                    .containsPattern("INFO_TOPICS = \\[[^\\]]*'" + topic.key() + "'");
            used.add("info." + topic.key());
        }
        assertThat(used).hasSizeGreaterThan(40).contains("voice.none", "voice.remote-notice", "exhibit.untranslated",
                "exhibits.see-all", "handoff.expired.title");
        assertThat(strings("en").keySet()).containsAll(used);
    }

    private static Set<String> matches(String text, String... patterns) {
        Set<String> found = new TreeSet<>();
        for (String pattern : patterns) {
            Matcher matcher = Pattern.compile(pattern).matcher(text);
            while (matcher.find()) {
                for (int group = 1; group <= matcher.groupCount(); group++) {
                    found.add(matcher.group(group));
                }
            }
        }
        return found;
    }

    private static Set<String> placeholders(String text) {
        Set<String> found = new TreeSet<>();
        Matcher matcher = PLACEHOLDER.matcher(text);
        while (matcher.find()) {
            found.add(matcher.group());
        }
        return found;
    }

    private static Map<String, String> strings(String language) {
        Map<String, String> strings = new TreeMap<>();
        TextBundle.load(TextBundle.VISITOR, language).forEach((key, text) -> strings.put(key.toString(), text.toString()));
        assertThat(strings).as(language).isNotEmpty();
        return strings;
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = VisitorStringsTest.class.getClassLoader().getResourceAsStream(name)) {
            assertThat(in).as(name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
