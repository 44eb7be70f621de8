package org.heritageguide.dialogue;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

import org.heritageguide.dialogue.decision.AnswerConfidence;
import org.heritageguide.dialogue.decision.Evidence;

/**
 * How likely a content candidate answers a question right, as a random forest (Tribuo's CART trees) over
 * {@link AnswerFeatures} learned from the guide's question sets at build time, with the threshold chosen on
 * the sets held out from its learning so that few answers are wrong ({@code AnswerModelTraining}, run by Maven
 * before the tests; docs/architecture.md). Read from {@code dialogue/answer-model.forest} (the forest as
 * {@link AnswerForest} keeps it) and {@code dialogue/answer-model.properties} on the class path.
 */
final class LearnedConfidence implements AnswerConfidence {

    /** The forest as {@link AnswerForest} keeps it. */
    static final String FOREST = "/dialogue/answer-model.forest";
    static final String PROPERTIES = "/dialogue/answer-model.properties";
    static final String RIGHT = "right";
    static final String WRONG = "wrong";
    /** Where the answer model's properties say how many of retrieval's best candidates it was learned to weigh. */
    static final String CANDIDATES = "candidates";

    private final AnswerForest forest;
    private final double threshold;
    private final int candidates;

    LearnedConfidence(AnswerForest forest, double threshold, int candidates) {
        this.forest = forest;
        this.threshold = threshold;
        this.candidates = candidates;
    }

    /**
     * The model the build learned, answering from the likelihood that keeps wrong answers within {@code aim}
     * (the share of answerable questions answered wrong, and of out-of-scope ones answered).
     */
    static LearnedConfidence load(double aim) {
        try (InputStream modelFile = LearnedConfidence.class.getResourceAsStream(FOREST);
             InputStream propertiesFile = LearnedConfidence.class.getResourceAsStream(PROPERTIES)) {
            if (modelFile == null || propertiesFile == null) {
                throw new IllegalStateException("No answer model on the class path (" + FOREST + "): the build "
                        + "learns it before the tests (mvn process-test-classes -pl guide-server)");
            }
            Properties properties = new Properties();
            properties.load(propertiesFile);
            String threshold = properties.getProperty(thresholdKey(aim));
            if (threshold == null) {
                throw new IllegalStateException("guide.dialogue.wrong-answer-aim=" + aim + " is none of those the "
                        + "answer model was learned for: " + properties.stringPropertyNames());
            }
            AnswerForest forest = AnswerForest.readFrom(new DataInputStream(new BufferedInputStream(modelFile)));
            return new LearnedConfidence(forest, Double.parseDouble(threshold),
                    Integer.parseInt(properties.getProperty(CANDIDATES)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Where the answer model's properties keep the threshold for a wrong-answer aim. */
    static String thresholdKey(double aim) {
        return String.format(java.util.Locale.ROOT, "threshold.aim-%.2f", aim);
    }

    @Override
    public double of(Evidence evidence) {
        return likelihood(AnswerFeatures.of(evidence));
    }

    /** The likelihood that an answer with these {@link AnswerFeatures} is right. */
    double likelihood(double[] features) {
        return forest.likelihood(features);
    }

    @Override
    public double threshold() {
        return threshold;
    }

    @Override
    public int candidates() {
        return candidates;
    }
}
