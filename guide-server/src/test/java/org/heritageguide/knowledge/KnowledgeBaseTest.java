package org.heritageguide.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.heritageguide.TestContent;
import org.heritageguide.site.ContentLoader;
import org.heritageguide.site.SiteCatalog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Rebuilding after a curator's edit: the other sites keep their index, and only the text that changed is
 * embedded again. The embedder here is a stand-in that counts its calls (the real ONNX models are
 * exercised by the evaluation set).
 */
class KnowledgeBaseTest {

    @TempDir
    Path content;

    @Test
    void anEditReembedsOnlyTheChangedTextAndLeavesOtherSitesAlone() throws IOException {
        TestContent.copyTree(Path.of("content"), content);
        CountingEmbedder english = new CountingEmbedder();
        KnowledgeBase knowledge = new KnowledgeBase(new TextEmbedders(Map.of("en", english)), event -> { });
        knowledge.index(new ContentLoader(content).load(1));
        int firstBuild = english.calls.get();
        SiteKnowledge vanMieu = knowledge.site("van-mieu").orElseThrow();
        assertThat(firstBuild).isGreaterThan(50);

        Path kite = content.resolve("sites/ethnology/exhibits/kite-building.yaml");
        Files.writeString(kite, Files.readString(kite).replace("so what you see here may change during the year.",
                "so what you see here may change during the year; ask at the desk what is on now."));
        SiteCatalog edited = new ContentLoader(content).load(2);
        english.calls.set(0);
        knowledge.index(edited);

        assertThat(knowledge.site("van-mieu")).containsSame(vanMieu);
        assertThat(english.calls.get()).as("texts embedded again").isBetween(1, 2);
        SiteKnowledge ethnology = knowledge.site("ethnology").orElseThrow();
        SiteKnowledge.Answers answers = ethnology.search("What is on at the desk now?", "en", SiteKnowledge.Focus.NONE, Set.of());
        assertThat(answers.best()).hasValueSatisfying(best -> assertThat(best.item().key())
                .isEqualTo("exhibit/kite-building/passage/0"));

        // what the rebuild took from the earlier index changes no answer: as a build from scratch ranks
        KnowledgeBase fromScratch = new KnowledgeBase(new TextEmbedders(Map.of("en", new CountingEmbedder())), event -> { });
        fromScratch.index(edited);
        for (String question : List.of("What is on at the desk now?", "When are kites made?", "Where is the water puppet stage?",
                "Who built the communal house?", "What is this?")) {
            assertThat(candidates(ethnology, question)).as(question)
                    .isEqualTo(candidates(fromScratch.site("ethnology").orElseThrow(), question));
        }
    }

    private static List<String> candidates(SiteKnowledge site, String question) {
        return site.search(question, "en", SiteKnowledge.Focus.NONE, Set.of()).candidates().stream()
                .map(candidate -> candidate.item().key() + " " + candidate.score() + " " + candidate.confidence()).toList();
    }

    /** A vector from the text's bytes: the same text, the same vector; counts how often it is asked. */
    private static final class CountingEmbedder implements TextEmbedder {
        final AtomicInteger calls = new AtomicInteger();

        @Override
        public float[] embed(String text) {
            calls.incrementAndGet();
            float[] vector = new float[16];
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            for (int i = 0; i < bytes.length; i++) {
                vector[i % vector.length] += bytes[i];
            }
            double norm = 0;
            for (float v : vector) {
                norm += v * v;
            }
            for (int i = 0; i < vector.length; i++) {
                vector[i] /= (float) Math.sqrt(norm);
            }
            return vector;
        }

        @Override
        public String model() {
            return "counting";
        }
    }
}
