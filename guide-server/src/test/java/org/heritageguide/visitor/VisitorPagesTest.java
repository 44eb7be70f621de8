package org.heritageguide.visitor;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.heritageguide.GuideServerTest;
import org.heritageguide.i18n.Languages;
import org.heritageguide.qr.LabelSigner;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** What the server gives the visitor web app: its pages, its files, the service worker, the hand-off. */
@GuideServerTest
class VisitorPagesTest {

    private static final Pattern ASSET = Pattern.compile("/visitor/([0-9a-f]{12})/app\\.js");

    @Autowired
    LabelSigner signer;

    @Autowired
    WebTestClient client;

    @Test
    void theLabelPageComesTranslatedAndPointsAtTheCurrentVersionOfTheApp() {
        String page = page("/v/van-mieu/khue-van-cac?s=" + signer.sign("van-mieu", "khue-van-cac"), "fr-FR,fr");

        assertThat(page).contains("lang=\"fr\"", "data-site=\"van-mieu\"", "data-exhibit=\"khue-van-cac\"",
                "Maintenir pour parler", "Écrivez une question…", "Temple de la Littérature",
                "Khuê Văn Các, le pavillon de la Constellation de la Littérature");
        assertThat(page).doesNotContain("{{");
        Matcher asset = ASSET.matcher(page);
        assertThat(asset.find()).isTrue();
        String version = asset.group(1);

        client.get().uri("/visitor/" + version + "/app.js").exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith("text/javascript")
                .expectHeader().value(HttpHeaders.CACHE_CONTROL, value -> assertThat(value).contains("immutable", "max-age=31536000"));
        assertThat(page).as("the languages the app has its words in, for its script")
                .contains("data-ui-languages=\"" + String.join(" ", Languages.supported()) + "\"");
        client.get().uri("/visitor/" + version + "/i18n/vi.json").exchange()
                .expectStatus().isOk()
                .expectHeader().value(HttpHeaders.CACHE_CONTROL, value -> assertThat(value).contains("immutable", "max-age=31536000"))
                .expectBody().jsonPath("$['ask.hold']").isEqualTo("Giữ để hỏi");
        client.get().uri("/visitor/" + version + "/i18n/ja.json").exchange().expectStatus().isNotFound();
        client.get().uri("/visitor/000000000000/i18n/vi.json").exchange().expectStatus().isNotFound();
        client.get().uri("/visitor/000000000000/app.js").exchange().expectStatus().isNotFound();
    }

    @Test
    @SuppressWarnings("unchecked")
    void theServiceWorkerKeepsTheShellOfThisVersionAndIsAlwaysRevalidated() {
        String page = page("/v/", "en");
        Matcher asset = ASSET.matcher(page);
        assertThat(asset.find()).isTrue();

        String worker = client.get().uri("/visitor-sw.js").exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith("text/javascript")
                .expectHeader().cacheControl(org.springframework.http.CacheControl.noCache())
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(worker).contains("const VERSION = '" + asset.group(1) + "'",
                "'/visitor/" + asset.group(1) + "/app.js'", "'/visitor/" + asset.group(1) + "/mic-worklet.js'",
                "'/visitor/" + asset.group(1) + "/i18n/zh.json'");
        assertThat(worker).doesNotContain("{{");

        client.get().uri("/visitor/" + asset.group(1) + "/manifest.json").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.start_url").isEqualTo("/v/")
                .jsonPath("$.display").isEqualTo("standalone")
                .jsonPath("$.icons[?(@.purpose == 'maskable')].src").isEqualTo("icon-512.png")
                .jsonPath("$.icons[*].src").value(srcs -> assertThat((List<String>) srcs)
                        .contains("icon.svg", "icon-192.png", "icon-512.png"));
    }

    @Test
    void thePagePreloadsEveryModuleTheAppImportsSoThatAPhoneFetchesThemAtOnce() {
        String page = page("/v/", "en");
        Matcher asset = ASSET.matcher(page);
        assertThat(asset.find()).isTrue();
        String base = "/visitor/" + asset.group(1) + "/";
        Set<String> imported = new TreeSet<>();
        Deque<String> toRead = new ArrayDeque<>(List.of("app.js"));
        while (!toRead.isEmpty()) {
            String module = toRead.pop();
            if (!imported.add(module)) {
                continue;
            }
            String script = client.get().uri(base + module).exchange()
                    .expectStatus().isOk()
                    .expectBody(String.class).returnResult().getResponseBody();
            Matcher imports = Pattern.compile("from '\\./([a-z0-9-]+\\.js)'").matcher(script);
            while (imports.find()) {
                toRead.push(imports.group(1));
            }
        }
        Set<String> preloaded = new TreeSet<>();
        Matcher preload = Pattern.compile("<link rel=\"modulepreload\" href=\"" + Pattern.quote(base) + "([^\"]+)\">").matcher(page);
        while (preload.find()) {
            preloaded.add(preload.group(1));
        }
        assertThat(imported).hasSizeGreaterThan(5);
        assertThat(preloaded).isEqualTo(imported);
    }

    @Test
    void theStudioNamesLanguagesWithTheAppsOwnModule() {
        Matcher asset = ASSET.matcher(page("/v/", "en"));
        assertThat(asset.find()).isTrue();
        byte[] app = client.get().uri("/visitor/" + asset.group(1) + "/language-names.js").exchange()
                .expectStatus().isOk()
                .expectBody().returnResult().getResponseBody();
        byte[] studio = client.get().uri("/studio/assets/language-names.js").exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith("text/javascript")
                .expectBody().returnResult().getResponseBody();
        assertThat(new String(studio, StandardCharsets.UTF_8)).contains("export function endonym(language)");
        assertThat(studio).as("one file, served to the studio and the visitor app").isEqualTo(app);
    }

    @Test
    void thePageHasAFaviconAndAppIconsThatAreServed() {
        String page = page("/v/", "en");
        Matcher icons = Pattern.compile("<link rel=\"(icon|apple-touch-icon)\" href=\"([^\"]+)\"").matcher(page);
        List<String> found = new java.util.ArrayList<>();
        while (icons.find()) {
            found.add(icons.group(2));
            client.get().uri(icons.group(2)).exchange().expectStatus().isOk()
                    .expectHeader().value(HttpHeaders.CONTENT_TYPE, type -> assertThat(type).startsWith("image/"));
        }
        assertThat(found).anyMatch(href -> href.endsWith("/icon.svg")).anyMatch(href -> href.endsWith("/icon-32.png"))
                .anyMatch(href -> href.endsWith("/icon-180.png"));
    }

    @Test
    void aSessionCarriesTheAddressThatHandsItOverToAPhone() {
        Map<?, ?> session = client.post().uri("/api/v1/sessions").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("site", "van-mieu", "exhibit", "dai-thanh-mon", "language", "zh"))
                .exchange().expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody();
        String id = (String) session.get("id");
        assertThat(session.get("handoffUrl")).isEqualTo("http://localhost:8080/c/" + id);

        String page = page("/c/" + id, "en");
        assertThat(page).contains("lang=\"zh\"", "data-session=\"" + id + "\"", "data-site=\"van-mieu\"",
                "data-exhibit=\"dai-thanh-mon\"", "按住提问");
    }

    @Test
    void anExpiredHandOffGetsAFriendlyPageInTheVisitorsLanguage() {
        String page = client.get().uri("/c/AAAAAAAAAAAAAAAAAAAAAAAA").header(HttpHeaders.ACCEPT_LANGUAGE, "fr")
                .exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML)
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(page).contains("lang=\"fr\"", "Cette conversation est terminée").doesNotContain("Exception");
    }

    @Test
    void anExhibitSuggestsTheQuestionsItsCuratorsAnswerInEachLanguage() {
        client.get().uri("/api/v1/sites/van-mieu/exhibits/khue-van-cac").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.suggestions.en[0]").isEqualTo("What does Khuê Văn Các mean?")
                .jsonPath("$.suggestions.vi.length()").value(n -> assertThat((Integer) n).isBetween(1, 3))
                .jsonPath("$.suggestions.fr[0]").value(q -> assertThat((String) q).isNotBlank());
    }

    @Test
    void thePickedLanguageOpensTheNextPageEvenAgainstThePhonesSettings() {
        String page = client.get().uri("/v/van-mieu/khue-van-cac?s=" + signer.sign("van-mieu", "khue-van-cac"))
                .header(HttpHeaders.ACCEPT_LANGUAGE, "en").cookie("hg-lang", "ko")
                .exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(page).contains("lang=\"ko\"", "누르고 말하기", "규문각");
    }

    private String page(String uri, String acceptLanguage) {
        return client.get().uri(uri).header(HttpHeaders.ACCEPT_LANGUAGE, acceptLanguage)
                .exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML)
                .expectBody(String.class).returnResult().getResponseBody();
    }
}
