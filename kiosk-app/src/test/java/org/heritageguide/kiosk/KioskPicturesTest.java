package org.heritageguide.kiosk;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.List;

import org.junit.jupiter.api.Test;

import javafx.scene.AccessibleRole;
import javafx.scene.Node;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;

/**
 * An exhibit's pictures on the kiosk (TestFX + Monocle, against the real guide-server and the sample
 * sites' drawings): shown large from the server's sized versions, described by their alt text, with
 * caption and credit; their place kept while a slow server sends them; left out, with nothing broken,
 * when the server cannot send them or the exhibit has none. And the line that says an exhibit's text is
 * not in the visitor's language.
 */
class KioskPicturesTest extends KioskTestSupport {

    private static final String KHUE_VAN_CAC_ALT = "Line drawing of Khuê Văn Các from the front, a square two-storey "
            + "pavilion with curved roofs on brick pillars; the upper storey has a round window whose bars radiate like rays.";

    @Test
    void anOpenExhibitShowsItsPictureLargeWithItsAltTextCaptionAndCredit() {
        launch(settings(server.uri(), data));
        openExhibit("en", "khue-van-cac");

        waitUntil(() -> loaded("#picture-0"), 20);
        ImageView picture = pictureOf("#picture-0");
        Image image = fx(picture::getImage);
        assertThat(image.getUrl()).as("one of the server's sized versions, not the original")
                .contains("/api/v1/sites/van-mieu/pictures/khue-van-cac.png?w=").contains("&v=");
        assertThat(fx(picture::getAccessibleRole)).isEqualTo(AccessibleRole.IMAGE_VIEW);
        assertThat(fx(picture::getAccessibleText)).isEqualTo(KHUE_VAN_CAC_ALT);
        assertThat(texts("#picture-0 .picture-caption"))
                .containsExactly("Khuê Văn Các, the square two-storey pavilion on four brick pillars, built in 1805.");
        assertThat(texts("#picture-0 .picture-credit")).containsExactly("Drawing: Heritage Guide project, CC BY 4.0");

        // large (half the screen's height on this landscape window, beside the text), in its own shape
        double shownWidth = fx(() -> picture.getBoundsInParent().getWidth());
        double shownHeight = fx(() -> picture.getBoundsInParent().getHeight());
        assertThat(large(shownWidth, shownHeight)).isTrue();
        assertThat(shownWidth / shownHeight).isCloseTo(1600.0 / 1200.0, org.assertj.core.data.Offset.offset(0.02));
        assertThat(image.getWidth()).as("loaded at the size it is shown, no larger").isLessThanOrEqualTo(Math.ceil(shownWidth));
        // the drawing itself is there (its paper colour), not an empty box
        int corner = fx(() -> image.getPixelReader().getArgb(4, 4));
        assertThat((corner >> 16) & 0xff).isGreaterThan(235);
        assertThat(corner & 0xff).isGreaterThan(215);
        assertThat(String.join(" ", texts("#exhibit-detail"))).contains("1805");
        assertThat(shown("#exhibit-untranslated")).as("the exhibit is in English").isFalse();
    }

    @Test
    void anExhibitWithoutPicturesShowsItsTextAndNoEmptyFrame() {
        launch(settings(server.uri(), data));
        openExhibit("en", "chu-van-an");

        assertThat(texts("#page-title")).containsExactly("Chu Văn An, the model teacher");
        assertThat(String.join(" ", texts("#exhibit-detail"))).contains("most revered teacher");
        assertThat(shownNodes(".picture-figure")).isEmpty();
        assertThat(shownNodes(".picture-frame")).isEmpty();
    }

    @Test
    void anExhibitNotInTheVisitorsLanguageSaysSoFirstInTheirLanguage() {
        launch(settings(server.uri(), data));
        openExhibit("ko", "chu-van-an");

        assertThat(texts("#exhibit-untranslated")).containsExactly("아직 한국어로 번역되지 않아 영어로 보여 드립니다.");
        String first = fx(() -> ((javafx.scene.Parent) shownNodes("#exhibit-detail").get(0)).getChildrenUnmodifiable().get(0).getId());
        assertThat(first)
                .as("the first thing on the page").isEqualTo("exhibit-untranslated");
        assertThat(texts("#page-title")).containsExactly("Chu Văn An, the model teacher");

        tap("#all-exhibits-button");
        // in the list too, a title not in Korean says which language it is in
        assertThat(texts("#exhibit-chu-van-an .exhibit-shown-in")).containsExactly("영어");
        assertThat(texts("#exhibit-khue-van-cac .exhibit-shown-in")).isEmpty();
        tap("#exhibit-khue-van-cac");
        assertThat(texts("#page-title")).containsExactly("규문각");
        assertThat(shown("#exhibit-untranslated")).as("this one is in Korean").isFalse();
        waitUntil(() -> loaded("#picture-0"), 20);
        assertThat(fx(() -> pictureOf("#picture-0").getAccessibleText())).startsWith("정면에서 본 규문각 선화");
    }

    @Test
    void aSlowServerKeepsThePicturesPlaceAndAServerDownLeavesItOutWithNothingBroken() throws Exception {
        try (TcpRelay relay = new TcpRelay(server.port())) {
            launch(settings(relay.uri(), data));
            openExhibit("en", "chu-van-an");
            tap("#all-exhibits-button");
            waitUntil(() -> Files.exists(data.resolve("cache/exhibits-van-mieu/doctoral-stelae.json"))
                    && Files.exists(data.resolve("cache/exhibits-van-mieu/khue-van-cac.json")), 10);

            relay.hold();
            tap("#exhibit-doctoral-stelae");
            // still coming: its place is kept in its shape, its caption and the text are there, nothing says "error"
            assertThat(fx(() -> pictureOf("#picture-0").getImage().getProgress())).isLessThan(1.0);
            Node frame = shownNodes("#picture-0 .picture-frame").get(0);
            double frameWidth = fx(() -> frame.getLayoutBounds().getWidth());
            double frameHeight = fx(() -> frame.getLayoutBounds().getHeight());
            assertThat(large(frameWidth, frameHeight)).isTrue();
            assertThat(frameWidth / frameHeight).isCloseTo(1600.0 / 1200.0, org.assertj.core.data.Offset.offset(0.02));
            assertThat(texts("#picture-0 .picture-caption")).hasSize(1);
            assertThat(String.join(" ", texts("#exhibit-detail"))).contains("stele");
            relay.letGo();
            waitUntil(() -> loaded("#picture-0"), 20);
            assertThat(fx(() -> frame.getLayoutBounds().getWidth())).as("nothing moved when it came").isEqualTo(frameWidth);

            // the server is gone: a picture not loaded yet is left out, the page stays whole
            tap("#all-exhibits-button");
            relay.stop();
            tap("#exhibit-khue-van-cac");
            waitUntil(() -> !shown("#picture-0"), 20);
            assertThat(texts("#page-title")).containsExactly("Khuê Văn Các, the Constellation of Literature Pavilion");
            assertThat(String.join(" ", texts("#exhibit-detail"))).contains("1805");
            assertThat(shownText()).doesNotContain("Exception", "error", "Connect");
            // one already seen stays seen
            tap("#all-exhibits-button");
            tap("#exhibit-doctoral-stelae");
            waitUntil(() -> loaded("#picture-0"), 5);
            relay.start();
        }
    }

    /** Opens a conversation in {@code language} and the page of {@code exhibit} from the list of exhibits. */
    private void openExhibit(String language, String exhibit) {
        tap("#language-" + language);
        waitUntil(() -> Files.exists(data.resolve("cache/exhibits-van-mieu/" + exhibit + ".json")), 10);
        tap("#exhibits-button");
        tap("#exhibit-" + exhibit);
        waitUntil(() -> shown("#exhibit-detail"), 10);
    }

    /** Whether a picture this big is shown large: half the screen's width or height (whichever bounds it), less a rounding. */
    private boolean large(double width, double height) {
        javafx.geometry.Bounds screen = fx(() -> kiosk.view().root().getLayoutBounds());
        return width >= screen.getWidth() * 0.45 || height >= screen.getHeight() * 0.45;
    }

    private ImageView pictureOf(String figure) {
        return (ImageView) shownNodes(figure + " .picture").get(0);
    }

    private boolean loaded(String figure) {
        List<Node> pictures = shownNodes(figure + " .picture");
        if (pictures.isEmpty()) {
            return false;
        }
        Image image = ((ImageView) pictures.get(0)).getImage();
        return image != null && !image.isError() && image.getProgress() >= 1.0 && image.getWidth() > 0;
    }
}
