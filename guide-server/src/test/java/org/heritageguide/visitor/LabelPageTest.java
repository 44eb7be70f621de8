package org.heritageguide.visitor;

import static org.assertj.core.api.Assertions.assertThat;

import org.heritageguide.GuideServerTest;
import org.heritageguide.qr.LabelSigner;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

@GuideServerTest
class LabelPageTest {

    @Autowired
    LabelSigner signer;

    @Autowired
    WebTestClient client;

    @Test
    void aSignedLabelOpensTheExhibitsPageInTheVisitorsLanguage() {
        String page = client.get().uri("/v/van-mieu/khue-van-cac?s=" + signer.sign("van-mieu", "khue-van-cac"))
                .header(HttpHeaders.ACCEPT_LANGUAGE, "fr-FR")
                .exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML)
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(page).contains("lang=\"fr\"", "Khuê Văn Các");
    }

    @Test
    void aWrongOrMissingSignatureGetsAPlainLabelNotRecognisedPage() {
        for (String uri : new String[] {"/v/van-mieu/khue-van-cac?s=AAAAAAAAAAAA", "/v/van-mieu/khue-van-cac",
                "/v/van-mieu/no-such-exhibit?s=" + signer.sign("van-mieu", "no-such-exhibit"), "/v/louvre/x?s=abc"}) {
            String page = client.get().uri(uri).header(HttpHeaders.ACCEPT_LANGUAGE, "vi")
                    .exchange()
                    .expectStatus().isNotFound()
                    .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML)
                    .expectBody(String.class).returnResult().getResponseBody();
            assertThat(page).as(uri).contains("Không nhận ra nhãn này").doesNotContain("Exception", "at org.");
            // where the site is known, a way on to its exhibits
            if (uri.startsWith("/v/van-mieu/")) {
                assertThat(page).as(uri).contains("<a href=\"/v/van-mieu#exhibits\">Văn Miếu – Quốc Tử Giám: xem tất cả hiện vật</a>");
            } else {
                assertThat(page).as(uri).contains("class=\"more\" hidden");
            }
        }
    }

    @Test
    void aSiteOpensWithoutALabelAtItsAddress() {
        String page = client.get().uri("/v/van-mieu").header(HttpHeaders.ACCEPT_LANGUAGE, "ko")
                .exchange().expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        assertThat(page).contains("lang=\"ko\"", "data-site=\"van-mieu\"", "data-exhibit=\"\"", "<title>하노이 문묘-국자감</title>");
        client.get().uri("/v/louvre").exchange().expectStatus().isNotFound();
    }

    @Test
    void aSignatureIsOnlyValidForItsOwnExhibit() {
        client.get().uri("/v/van-mieu/thien-quang-tinh?s=" + signer.sign("van-mieu", "khue-van-cac"))
                .exchange().expectStatus().isNotFound();
    }
}
