package org.heritageguide.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.heritageguide.TestContent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContentLoaderTest {

    @TempDir
    Path content;

    @BeforeEach
    void copySampleContent() throws IOException {
        TestContent.copyTree(Path.of("content"), content);
    }

    @Test
    void theSampleSitesLoadWithoutAnyProblem() {
        SiteCatalog catalog = new ContentLoader(content).load(1);

        assertThat(catalog.problems()).isEmpty();
        assertThat(catalog.sites()).containsKeys("van-mieu", "ethnology");
        Site vanMieu = catalog.site("van-mieu").orElseThrow();
        assertThat(vanMieu.publishedExhibits()).hasSizeGreaterThanOrEqualTo(10);
        assertThat(vanMieu.languages()).contains("vi", "en", "fr", "zh", "ko");
        assertThat(vanMieu.exhibit("khue-van-cac").orElseThrow().title().in("vi")).contains("Khuê Văn Các");
        assertThat(vanMieu.visitorInfo()).containsKeys(VisitorTopic.HOURS, VisitorTopic.TICKETS, VisitorTopic.TOILETS,
                VisitorTopic.ACCESSIBILITY, VisitorTopic.PHOTOGRAPHY, VisitorTopic.DRESS_CODE);
        assertThat(vanMieu.visitorInfo().get(VisitorTopic.HOURS).in("en").orElseThrow()).contains("08:00", "17:00");
        Site ethnology = catalog.site("ethnology").orElseThrow();
        assertThat(ethnology.publishedExhibits()).hasSizeGreaterThanOrEqualTo(8);
    }

    @Test
    void everySampleExhibitIsCompleteInVietnameseAndEnglish() {
        SiteCatalog catalog = new ContentLoader(content).load(1);

        for (Site site : catalog.all()) {
            for (Exhibit exhibit : site.exhibits().values()) {
                assertThat(exhibit.languages()).as(site.id() + "/" + exhibit.id()).contains("vi", "en");
                assertThat(exhibit.passages()).as(site.id() + "/" + exhibit.id() + " passages").isNotEmpty()
                        .allSatisfy(p -> assertThat(p.languages()).contains("vi", "en"));
            }
            assertThat(site.faqs()).as(site.id() + " FAQs").isNotEmpty();
        }
    }

    @Test
    void aBrokenExhibitIsReportedWithFileLineAndFieldAndTheRestOfTheSiteServes() throws IOException {
        Path file = content.resolve("sites/van-mieu/exhibits/khue-van-cac.yaml");
        Files.writeString(file, "status: published\narea: nowhere\ntitle:\n  en: Only English\n");

        SiteCatalog catalog = new ContentLoader(content).load(1);

        Site site = catalog.site("van-mieu").orElseThrow();
        assertThat(site.exhibit("khue-van-cac")).isEmpty();
        assertThat(site.exhibit("thien-quang-tinh")).isPresent();
        assertThat(catalog.problems()).extracting(ContentProblem::toString).contains(
                "sites/van-mieu/exhibits/khue-van-cac.yaml:2 area: 'nowhere' is not an area of the site (see site.yaml)",
                "sites/van-mieu/exhibits/khue-van-cac.yaml:4 title: the site's default language (vi) is missing",
                "sites/van-mieu/exhibits/khue-van-cac.yaml:1 summary: is required, at least in vi");
    }

    @Test
    void factsAreReadWithTheirLabelsAndValues() {
        Exhibit pavilion = new ContentLoader(content).load(1).site("van-mieu").orElseThrow()
                .exhibit("khue-van-cac").orElseThrow();

        assertThat(pavilion.facts()).isNotEmpty();
        assertThat(pavilion.facts().get(0).label().in("en")).contains("Built");
        assertThat(pavilion.facts().get(0).value().in("vi")).contains("1805");
    }

    @Test
    void aMistypedFieldIsReportedOnItsLineInsteadOfLosingItsText() throws IOException {
        Path file = content.resolve("sites/van-mieu/exhibits/khue-van-cac.yaml");
        String yaml = Files.readString(file);
        Files.writeString(file, yaml.replaceFirst("\n    value:", "\n    valeu:").replaceFirst("\nlocation:", "\nlocaton:"));

        SiteCatalog catalog = new ContentLoader(content).load(1);

        int valeu = lineOf(file, "    valeu:");
        assertThat(catalog.problems()).extracting(ContentProblem::toString).contains(
                "sites/van-mieu/exhibits/khue-van-cac.yaml:" + valeu + " facts[0].valeu: unknown field; expected one of [label, value]",
                "sites/van-mieu/exhibits/khue-van-cac.yaml:" + (valeu - 6) + " facts[0].value: is required, at least in vi",
                "sites/van-mieu/exhibits/khue-van-cac.yaml:" + lineOf(file, "locaton:") + " locaton: unknown field; expected one of "
                        + "[aliases, area, facts, location, order, passages, pictures, related, status, summary, title]");
    }

    private static int lineOf(Path file, String start) throws IOException {
        List<String> lines = Files.readAllLines(file);
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith(start)) {
                return i + 1;
            }
        }
        throw new AssertionError(start + " not in " + file);
    }

    @Test
    void aFileThatBreaksAfterLoadingKeepsServingItsLastGoodVersion() throws IOException {
        ContentLoader loader = new ContentLoader(content);
        String before = loader.load(1).site("van-mieu").orElseThrow().exhibit("khue-van-cac").orElseThrow()
                .summary().in("en").orElseThrow();
        Files.writeString(content.resolve("sites/van-mieu/exhibits/khue-van-cac.yaml"), "status: [unclosed\n");

        SiteCatalog catalog = loader.load(2);

        Exhibit kept = catalog.site("van-mieu").orElseThrow().exhibit("khue-van-cac").orElseThrow();
        assertThat(kept.summary().in("en")).contains(before);
        assertThat(catalog.problems()).extracting(ContentProblem::toString).anySatisfy(problem ->
                assertThat(problem).startsWith("sites/van-mieu/exhibits/khue-van-cac.yaml").contains("not valid YAML at line"));
        assertThat(catalog.problems()).extracting(ContentProblem::message).contains("the last good version is still in use");
    }

    @Test
    void aBrokenSiteFileTakesOnlyThatSiteOut() throws IOException {
        Files.writeString(content.resolve("sites/ethnology/site.yaml"), "languages: [vi]\ndefaultLanguage: xx\n");

        SiteCatalog catalog = new ContentLoader(content).load(1);

        assertThat(catalog.site("ethnology")).isEmpty();
        assertThat(catalog.site("van-mieu")).isPresent();
        assertThat(catalog.problems()).extracting(ContentProblem::toString)
                .contains("sites/ethnology/site.yaml:2 defaultLanguage: 'xx' is not among the site's languages [vi]");
    }

    @Test
    void browserSpeechIsOnDeviceUnlessTheSiteSaysOtherwiseAndAnUnknownValueIsReportedOnItsLine() throws IOException {
        SiteCatalog samples = new ContentLoader(content).load(1);
        assertThat(samples.site("van-mieu").orElseThrow().browserSpeech()).isEqualTo(BrowserSpeech.ON_DEVICE);
        assertThat(samples.site("ethnology").orElseThrow().browserSpeech()).isEqualTo(BrowserSpeech.REMOTE_ALLOWED);

        Path site = content.resolve("sites/van-mieu/site.yaml");
        Files.writeString(site, Files.readString(site) + "browserSpeech: cloud\n");
        SiteCatalog catalog = new ContentLoader(content).load(1);

        int line = (int) Files.readAllLines(site).size();
        assertThat(catalog.problems()).extracting(ContentProblem::toString).contains("sites/van-mieu/site.yaml:" + line
                + " browserSpeech: expected one of [on-device, remote-allowed, off], found 'cloud'");
    }

    @Test
    void aFaqWithQuestionsButNoAnswerInThatLanguageIsReported() throws IOException {
        Files.writeString(content.resolve("sites/ethnology/faq.yaml"), """
                - id: parking
                  questions:
                    en: [Where can I park?]
                  answer:
                    vi: Có bãi đỗ xe.
                """);

        SiteCatalog catalog = new ContentLoader(content).load(1);

        assertThat(catalog.problems()).extracting(ContentProblem::toString)
                .contains("sites/ethnology/faq.yaml:1 [0].answer: has questions in en but no answer in en");
    }

    @Test
    void anExhibitsPicturesAreReadWithTheirTextsPerLanguageAndCredit() {
        Exhibit pavilion = new ContentLoader(content).load(1).site("van-mieu").orElseThrow()
                .exhibit("khue-van-cac").orElseThrow();

        assertThat(pavilion.pictures()).hasSize(1);
        Picture drawing = pavilion.pictures().get(0);
        assertThat(drawing.file()).isEqualTo("khue-van-cac.png");
        assertThat(drawing.alt().languages()).containsExactly("vi", "en", "fr", "zh", "ko");
        assertThat(drawing.caption().in("en").orElseThrow()).contains("1805");
        assertThat(drawing.credit()).isEqualTo("Drawing: Heritage Guide project, CC BY 4.0");
    }

    @Test
    void aPictureThatIsMissingMisnamedOrUndescribedIsReportedOnItsLine() throws IOException {
        Path file = content.resolve("sites/van-mieu/exhibits/thien-quang-tinh.yaml");
        Files.writeString(file, Files.readString(file) + """
                pictures:
                  - file: not-there.png
                    alt: {vi: Giếng, en: The well}
                    credit: Someone
                  - file: Well Photo.gif
                    alt: {vi: Giếng}
                    credit: Someone
                  - file: khue-van-cac.png
                    alt: {en: Only English}
                    captoin: {en: typo}
                """);

        SiteCatalog catalog = new ContentLoader(content).load(1);

        String at = "sites/van-mieu/exhibits/thien-quang-tinh.yaml:";
        assertThat(catalog.problems()).extracting(ContentProblem::toString).contains(
                at + lineOf(file, "  - file: not-there.png") + " pictures[0].file: there is no 'not-there.png' in the site's pictures folder",
                at + lineOf(file, "  - file: Well Photo.gif") + " pictures[1].file: 'Well Photo.gif' is not a picture file name "
                        + "(lower-case letters, digits and '-', then .jpg, .jpeg, .png or .webp)",
                at + lineOf(file, "    alt: {en: Only English}") + " pictures[2].alt: the site's default language (vi) is missing",
                at + lineOf(file, "    captoin:") + " pictures[2].captoin: unknown field; expected one of [alt, caption, credit, file]",
                at + lineOf(file, "  - file: khue-van-cac.png") + " pictures[2].credit: is required");
        assertThat(catalog.site("van-mieu").orElseThrow().exhibit("thien-quang-tinh")).isEmpty();
    }
}
