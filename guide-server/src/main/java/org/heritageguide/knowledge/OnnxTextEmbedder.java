package org.heritageguide.knowledge;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

import ai.djl.MalformedModelException;
import ai.djl.inference.Predictor;
import ai.djl.huggingface.translator.TextEmbeddingTranslatorFactory;
import ai.djl.repository.zoo.Criteria;
import ai.djl.repository.zoo.ModelNotFoundException;
import ai.djl.repository.zoo.ZooModel;
import ai.djl.translate.TranslateException;

/**
 * A sentence-embedding model in ONNX form ({@code model.onnx} + {@code tokenizer.json} in one folder),
 * run by DJL on ONNX Runtime. Predictors are not thread-safe, so a small pool of them is shared.
 * An optional {@code model.properties} in the folder may set {@code pooling} (mean, cls) and {@code name}.
 */
final class OnnxTextEmbedder implements TextEmbedder, AutoCloseable {

    private static final int RECENT = 8;

    private final ZooModel<String, float[]> model;
    private final BlockingQueue<Predictor<String, float[]>> predictors;
    private final String name;
    /** The last few texts embedded: one question is looked up in several indexes of the same language. */
    private final Map<String, float[]> recent = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, float[]> eldest) {
            return size() > RECENT;
        }
    };

    OnnxTextEmbedder(Path modelFolder, int concurrency) {
        // DJL takes a relative tokenizer path for a model id on the Hugging Face hub
        Path folder = modelFolder.toAbsolutePath();
        Properties properties = properties(folder);
        this.name = properties.getProperty("name", folder.getFileName().toString()) + " (" + folder + ")";
        Criteria<String, float[]> criteria = Criteria.builder()
                .setTypes(String.class, float[].class)
                .optModelPath(folder)
                .optModelName("model")
                .optEngine("OnnxRuntime")
                .optTranslatorFactory(new TextEmbeddingTranslatorFactory())
                .optArgument("includeTokenTypes", "true")
                .optArgument("pooling", properties.getProperty("pooling", "mean"))
                .optArgument("normalize", "true")
                // what both models take; said so that DJL does not warn that it guessed
                .optArgument("maxLength", "512")
                // one thread per question: on 2 cores ONNX Runtime's own thread pool made a short question
                // 4.3 ms p50 / 13 ms p99 against 3.4 / 4.6 ms on one thread (its threads spin and wait on each
                // other); questions in parallel each take a predictor of the pool instead
                .optOption("intraOpNumThreads", "1")
                .optOption("interOpNumThreads", "1")
                .build();
        try {
            this.model = criteria.loadModel();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot load the embedding model in " + folder, e);
        } catch (ModelNotFoundException | MalformedModelException e) {
            throw new IllegalStateException("Cannot load the embedding model in " + folder + ": " + e.getMessage(), e);
        }
        this.predictors = new ArrayBlockingQueue<>(concurrency);
        for (int i = 0; i < concurrency; i++) {
            predictors.add(model.newPredictor());
        }
    }

    static boolean isModelFolder(Path folder) {
        return Files.isRegularFile(folder.resolve("model.onnx")) && Files.isRegularFile(folder.resolve("tokenizer.json"));
    }

    @Override
    public float[] embed(String text) {
        synchronized (recent) {
            float[] known = recent.get(text);
            if (known != null) {
                return known;
            }
        }
        float[] vector = predict(text);
        synchronized (recent) {
            recent.put(text, vector);
        }
        return vector;
    }

    private float[] predict(String text) {
        Predictor<String, float[]> predictor;
        try {
            predictor = predictors.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for an embedding predictor", e);
        }
        try {
            return predictor.predict(text);
        } catch (TranslateException e) {
            throw new IllegalStateException("Embedding failed with " + name, e);
        } finally {
            predictors.add(predictor);
        }
    }

    @Override
    public String model() {
        return name;
    }

    @Override
    public void close() {
        predictors.forEach(Predictor::close);
        model.close();
    }

    private static Properties properties(Path folder) {
        Properties properties = new Properties();
        Path file = folder.resolve("model.properties");
        if (Files.isRegularFile(file)) {
            try (InputStream in = Files.newInputStream(file)) {
                properties.load(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return properties;
    }
}
