package org.heritageguide.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The studio's edits on YAML texts: the edited part changes, every other character stays as written. */
class ContentEditingTest {

    private static final String FAQS = read("content/sites/van-mieu/faq.yaml");
    private static final String KHUE_VAN_CAC = read("content/sites/van-mieu/exhibits/khue-van-cac.yaml");

    /** An exhibit as a curator may write one by hand: comments, a flow list, a folded text, quotes. */
    private static final String HAND_WRITTEN = """
            # checked against the museum's 2019 catalogue
            status: draft   # until the photographs are cleared
            area: 'main-hall'
            order: 4
            related: [bronze-drum, rice-barn]

            title:
              en: "The \\"Đông Sơn\\" Drum"
              vi: Trống đồng Đông Sơn
            summary:
              en: >-
                A bronze drum cast about 2,000 years ago,
                played at festivals and funerals.
            # where it stands
            location:
              en: In the first room, left of the door.
            """;

    @Test
    void aStatusIsChangedOnItsOwnLineAndTheRestOfTheFileIsKept() {
        String edited = ContentEditing.withStatus(HAND_WRITTEN, ExhibitStatus.PUBLISHED);

        assertThat(edited).isEqualTo(HAND_WRITTEN.replace("status: draft   #", "status: published   #"));
        assertThat(data(edited)).containsEntry("status", "published");
    }

    @Test
    void aStatusThatIsAlreadySetLeavesTheFileAsItWas() {
        assertThat(ContentEditing.withStatus(KHUE_VAN_CAC, ExhibitStatus.PUBLISHED)).isEqualTo(KHUE_VAN_CAC);
    }

    @Test
    void aFileWithoutAStatusGetsOneInItsDocumentedPlaceBeforeTheFirstFieldAndItsComment() {
        String withoutStatus = HAND_WRITTEN.replace("status: draft   # until the photographs are cleared\n", "");

        String edited = ContentEditing.withStatus(withoutStatus, ExhibitStatus.DRAFT);

        assertThat(edited).isEqualTo("status: draft\n" + withoutStatus);
    }

    @Test
    void aFileWrittenInFlowStyleKeepsItsStyleOrIsWrittenAnewInTheDocumentedOrderWhenAFieldMustBeAdded() {
        String flow = "{title: {en: Drum}, area: main-hall, order: 1}\n";

        assertThat(ContentEditing.withStatus(flow.replace("}\n", ", status: draft}\n"), ExhibitStatus.PUBLISHED))
                .isEqualTo(flow.replace("}\n", ", status: published}\n"));

        String edited = ContentEditing.withStatus(flow, ExhibitStatus.PUBLISHED);
        assertThat(edited).startsWith("status: published\narea: main-hall\norder: 1\ntitle:\n");
        assertThat(data(edited)).isEqualTo(Map.of("status", "published", "area", "main-hall", "order", 1,
                "title", Map.of("en", "Drum")));
    }

    @Test
    void aFileThatIsNotAMapOfFieldsIsNotEdited() {
        assertThatThrownBy(() -> ContentEditing.withStatus("status: [draft\n", ExhibitStatus.PUBLISHED))
                .isInstanceOf(ContentEditing.NotEditable.class);
        assertThatThrownBy(() -> ContentEditing.withStatus("- just a list\n", ExhibitStatus.PUBLISHED))
                .isInstanceOf(ContentEditing.NotEditable.class);
    }

    @Test
    void aPictureFollowsTheExhibitsLastPictureAndNothingElseChanges() {
        String edited = ContentEditing.withPicture(KHUE_VAN_CAC, new ContentEditing.NewPicture("khue-van-cac-2.jpg",
                ordered("en", "The pavilion at night", "vi", "Gác về đêm"), Map.of(), "  Nguyễn Văn A, CC BY 4.0 "));

        assertThat(edited).isEqualTo(KHUE_VAN_CAC + """
                  - file: khue-van-cac-2.jpg
                    alt:
                      en: The pavilion at night
                      vi: Gác về đêm
                    credit: "Nguyễn Văn A, CC BY 4.0"
                """);
        List<?> pictures = (List<?>) data(edited).get("pictures");
        assertThat(pictures).hasSize(2);
        assertThat(pictures.get(0)).isEqualTo(((List<?>) data(KHUE_VAN_CAC).get("pictures")).get(0));
    }

    @Test
    void theFirstPictureOfAnExhibitIsItsLastField() {
        String edited = ContentEditing.withPicture(HAND_WRITTEN, new ContentEditing.NewPicture("drum.png",
                Map.of("en", "A bronze drum"), Map.of("en", "The drum"), null));

        assertThat(edited).isEqualTo(HAND_WRITTEN + """
                pictures:
                  - file: drum.png
                    alt:
                      en: A bronze drum
                    caption:
                      en: The drum
                """);
    }

    @Test
    void aNewFaqIsAppendedAfterTheOthersWithAnIdMadeFromItsFirstQuestion() {
        ContentEditing.FaqAdded added = ContentEditing.withFaq(FAQS, new ContentEditing.NewFaq(null, " ",
                ordered("vi", List.of("Có chỗ gửi xe máy không?"), "en", List.of("Where can I park a motorbike?")),
                Map.of("en", "Across Quốc Tử Giám street.")));

        assertThat(added.id()).isEqualTo("co-cho-gui-xe-may-khong");
        assertThat(added.yaml()).startsWith(FAQS);
        assertThat(added.yaml().substring(FAQS.length())).isEqualTo("""
                - id: co-cho-gui-xe-may-khong
                  questions:
                    vi:
                      - Có chỗ gửi xe máy không?
                    en:
                      - Where can I park a motorbike?
                  answer:
                    en: Across Quốc Tử Giám street.
                """);
    }

    @Test
    void anIdAlreadyTakenGetsANumberAndAFileWithNoFaqYetGetsItsFirst() {
        String first = ContentEditing.withFaq("# the site's FAQs\n", faq("Is there parking?")).yaml();
        assertThat(first).startsWith("# the site's FAQs\n- id: is-there-parking\n");

        ContentEditing.FaqAdded second = ContentEditing.withFaq(first, faq("Is there parking?!"));
        assertThat(second.id()).isEqualTo("is-there-parking-2");
        assertThat(second.yaml()).startsWith(first);

        assertThat(ContentEditing.withFaq("", faq("¿?")).id()).isEqualTo("faq");
    }

    @Test
    void aFaqFileThatIsNotAListIsNotEdited() {
        assertThatThrownBy(() -> ContentEditing.withFaq("parking: yes\n", faq("Is there parking?")))
                .isInstanceOf(ContentEditing.NotEditable.class);
    }

    @Test
    void aVisitorsWordingJoinsTheFaqAsOneLineWhereTheCuratorsPutTheirs() {
        String question = "수능 전에 여기 와서 빌면 붙어요?";

        String edited = ContentEditing.withWording(FAQS, "why-students-visit-before-exams", "ko", question).orElseThrow();

        List<String> before = FAQS.lines().toList();
        List<String> after = edited.lines().toList();
        assertThat(after).hasSize(before.size() + 1);
        int added = indexOfFirstDifference(before, after);
        assertThat(after.get(added)).isEqualTo("      - \"" + question + "\"");
        assertThat(after.subList(added + 1, after.size())).isEqualTo(before.subList(added, before.size()));
        assertThat(questions(edited, "why-students-visit-before-exams", "ko")).last().isEqualTo(question);
    }

    @Test
    void aLanguageTheFaqIsNotAskedInYetIsAddedAfterItsOthers() {
        String edited = ContentEditing.withWording(FAQS, "who-founded-the-temple", "ja", "誰が建てたの？").orElseThrow();

        assertThat(questions(edited, "who-founded-the-temple", "ja")).containsExactly("誰が建てたの？");
        assertThat(questions(edited, "who-founded-the-temple", "en")).isEqualTo(questions(FAQS, "who-founded-the-temple", "en"));
        int at = edited.indexOf("    ja:\n");
        assertThat(edited).isEqualTo(FAQS.substring(0, at) + "    ja:\n      - \"誰が建てたの？\"\n" + FAQS.substring(at));
        assertThat(FAQS.substring(0, at)).endsWith("      - \"이 사당은 몇 년이나 되었나요?\"\n");
    }

    @Test
    void quotesAndBackslashesSurviveAndAQuestionAlreadyThereIsNotAddedTwice() {
        String tricky = "what's \"Khuê Văn\" \\ the pavilion?";
        String edited = ContentEditing.withWording(FAQS, "who-founded-the-temple", "en", tricky).orElseThrow();
        assertThat(questions(edited, "who-founded-the-temple", "en")).last().isEqualTo(tricky);

        String known = questions(FAQS, "who-founded-the-temple", "en").get(0);
        assertThat(ContentEditing.withWording(FAQS, "who-founded-the-temple", "en", known.toUpperCase())).contains(FAQS);
    }

    @Test
    void aFileLaidOutOtherwiseIsWrittenAnewWithTheQuestion() {
        String flow = "- {id: parking, questions: {en: [Is there parking?]}, answer: {en: Across the street.}}\n";

        String edited = ContentEditing.withWording(flow, "parking", "en", "where do I leave the car?").orElseThrow();

        assertThat(questions(edited, "parking", "en")).containsExactly("Is there parking?", "where do I leave the car?");
        assertThat(ContentYaml.parse(edited)).asList().hasSize(1);
    }

    @Test
    void anUnknownFaqIsNotFound() {
        assertThat(ContentEditing.withWording(FAQS, "no-such-faq", "en", "anything?")).isEmpty();
        assertThat(ContentEditing.withWording("not: [yaml", "x", "en", "q")).isEmpty();
    }

    @Test
    void aNewExhibitIsAHiddenDraftWithItsFieldsInTheDocumentedOrder() {
        String text = ContentEditing.exhibitText(new ContentEditing.NewExhibit("main-hall", 7,
                Map.of("en", "Rice barn"), Map.of("en", "A Bahnar rice barn on stilts.")));

        assertThat(text).isEqualTo("""
                status: draft
                area: main-hall
                order: 7
                title:
                  en: Rice barn
                summary:
                  en: A Bahnar rice barn on stilts.
                """);
    }

    @Test
    void aSlugIsLowerCaseAsciiWordsJoinedByHyphens() {
        assertThat(ContentEditing.slug("Khuê Văn Các được xây năm nào?")).isEqualTo("khue-van-cac-duoc-xay-nam-nao");
        assertThat(ContentEditing.slug("IMG_2031 (Đình làng)")).isEqualTo("img-2031-dinh-lang");
        assertThat(ContentEditing.slug("文庙是谁建的？")).isEmpty();
        assertThat(ContentEditing.slug("a".repeat(47) + " bc")).isEqualTo("a".repeat(47));
    }

    private static ContentEditing.NewFaq faq(String question) {
        return new ContentEditing.NewFaq(null, null, Map.of("en", List.of(question)), Map.of("en", "Yes, across the street."));
    }

    private static <V> Map<String, V> ordered(String k1, V v1, String k2, V v2) {
        Map<String, V> map = new LinkedHashMap<>();
        map.put(k1, v1);
        map.put(k2, v2);
        return map;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> data(String yaml) {
        return new HashMap<>((Map<String, Object>) ContentYaml.parse(yaml));
    }

    @SuppressWarnings("unchecked")
    private static List<String> questions(String yaml, String faq, String language) {
        List<Map<String, Object>> faqs = (List<Map<String, Object>>) ContentYaml.parse(yaml);
        Map<String, Object> item = faqs.stream().filter(f -> faq.equals(f.get("id"))).findFirst().orElseThrow();
        return ((Map<String, List<String>>) item.get("questions")).get(language);
    }

    private static int indexOfFirstDifference(List<String> a, List<String> b) {
        int i = 0;
        while (i < a.size() && a.get(i).equals(b.get(i))) {
            i++;
        }
        return i;
    }

    private static String read(String path) {
        try {
            return Files.readString(Path.of(path));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
