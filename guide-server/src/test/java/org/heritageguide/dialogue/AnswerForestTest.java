package org.heritageguide.dialogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.InputStream;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.tribuo.Model;
import org.tribuo.classification.Label;
import org.tribuo.impl.ArrayExample;

class AnswerForestTest {

    @Test
    @SuppressWarnings("unchecked")
    void givesTheLikelihoodTribuosOwnPredictionGivesForTheModelTheBuildLearned() throws Exception {
        Model<Label> model;
        try (InputStream file = AnswerForestTest.class.getResourceAsStream(AnswerModelTraining.TRIBUO_MODEL)) {
            model = (Model<Label>) Model.deserializeFromStream(file);
        }
        // the forest as the guide reads it, from the file the build wrote beside Tribuo's
        AnswerForest forest;
        try (InputStream file = AnswerForestTest.class.getResourceAsStream(LearnedConfidence.FOREST)) {
            forest = AnswerForest.readFrom(new DataInputStream(new BufferedInputStream(file)));
        }
        String[] names = AnswerFeatures.NAMES.toArray(String[]::new);
        Random random = new Random(7);
        for (int n = 0; n < 3000; n++) {
            double[] features = new double[names.length];
            for (int i = 0; i < features.length; i++) {
                // flags, shares and the rank as the guide gives them, and values beyond them
                features[i] = switch (random.nextInt(4)) {
                    case 0 -> random.nextInt(2);
                    case 1 -> random.nextInt(3);
                    case 2 -> random.nextDouble();
                    default -> random.nextDouble() * 4 - 2;
                };
            }
            double tribuo = model.predict(new ArrayExample<>(new Label(LearnedConfidence.RIGHT), names, features))
                    .getOutputScores().get(LearnedConfidence.RIGHT).getScore();
            assertThat(forest.likelihood(features)).as("features %s", java.util.Arrays.toString(features))
                    .isCloseTo(tribuo, within(1e-9));
        }
    }
}
