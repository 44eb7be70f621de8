package org.heritageguide.studio;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class StudioYamlTest {

    private static final String FAQS = read("content/sites/van-mieu/faq.yaml");

    @Test
    void aVisitorsWordingJoinsTheFaqAsOneLineWhereTheCuratorsPutTheirs() {
        String question = "수능 전에 여기 와서 빌면 붙어요?";

        String edited = StudioYaml.withQuestion(FAQS, "why-students-visit-before-exams", "ko", question).orElseThrow();

        List<String> before = FAQS.lines().toList();
        List<String> after = edited.lines().toList();
        assertThat(after).hasSize(before.size() + 1);
        int added = indexOfFirstDifference(before, after);
        assertThat(after.get(added)).isEqualTo("      - \"" + question + "\"");
        assertThat(after.subList(added + 1, after.size())).isEqualTo(before.subList(added, before.size()));
        assertThat(questions(edited, "why-students-visit-before-exams", "ko")).last().isEqualTo(question);
    }

    @Test
    void aLanguageTheFaqIsNotAskedInYetIsAdded() {
        String edited = StudioYaml.withQuestion(FAQS, "who-founded-the-temple", "ja", "誰が建てたの？").orElseThrow();

        assertThat(questions(edited, "who-founded-the-temple", "ja")).containsExactly("誰が建てたの？");
        assertThat(questions(edited, "who-founded-the-temple", "en")).isEqualTo(questions(FAQS, "who-founded-the-temple", "en"));
    }

    @Test
    void quotesAndBackslashesSurviveAndAQuestionAlreadyThereIsNotAddedTwice() {
        String tricky = "what's \"Khuê Văn\" \\ the pavilion?";
        String edited = StudioYaml.withQuestion(FAQS, "who-founded-the-temple", "en", tricky).orElseThrow();
        assertThat(questions(edited, "who-founded-the-temple", "en")).last().isEqualTo(tricky);

        String known = questions(FAQS, "who-founded-the-temple", "en").get(0);
        assertThat(StudioYaml.withQuestion(FAQS, "who-founded-the-temple", "en", known.toUpperCase())).contains(FAQS);
    }

    @Test
    void aFileLaidOutOtherwiseIsWrittenAnewWithTheQuestion() {
        String flow = "- {id: parking, questions: {en: [Is there parking?]}, answer: {en: Across the street.}}\n";

        String edited = StudioYaml.withQuestion(flow, "parking", "en", "where do I leave the car?").orElseThrow();

        assertThat(questions(edited, "parking", "en")).containsExactly("Is there parking?", "where do I leave the car?");
        assertThat(StudioYaml.parse(edited)).asList().hasSize(1);
    }

    @Test
    void anUnknownFaqIsNotFound() {
        assertThat(StudioYaml.withQuestion(FAQS, "no-such-faq", "en", "anything?")).isEmpty();
        assertThat(StudioYaml.withQuestion("not: [yaml", "x", "en", "q")).isEmpty();
    }

    @SuppressWarnings("unchecked")
    private static List<String> questions(String yaml, String faq, String language) {
        List<Map<String, Object>> faqs = (List<Map<String, Object>>) StudioYaml.parse(yaml);
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
