package org.heritageguide.knowledge;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/** The embedder of each language that has one. */
public final class TextEmbedders {

    public static final TextEmbedders NONE = new TextEmbedders(Map.of());

    private final Map<String, TextEmbedder> byLanguage;

    public TextEmbedders(Map<String, TextEmbedder> byLanguage) {
        this.byLanguage = Collections.unmodifiableMap(new LinkedHashMap<>(byLanguage));
    }

    /**
     * Every ONNX model folder {@code <dir>/embeddings/<language>} found in the given directories; a
     * language found in an earlier directory is not looked for in later ones (operator drop-ins first).
     */
    public static TextEmbedders onnx(List<Path> modelDirectories, int concurrency) {
        Map<String, TextEmbedder> found = new LinkedHashMap<>();
        for (Path directory : modelDirectories) {
            Path embeddings = directory.resolve("embeddings");
            if (!Files.isDirectory(embeddings)) {
                continue;
            }
            try (Stream<Path> folders = Files.list(embeddings)) {
                folders.filter(OnnxTextEmbedder::isModelFolder).sorted().forEach(folder -> found.computeIfAbsent(
                        folder.getFileName().toString(), language -> new OnnxTextEmbedder(folder, concurrency)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return new TextEmbedders(found);
    }

    public Optional<TextEmbedder> forLanguage(String language) {
        return Optional.ofNullable(byLanguage.get(language));
    }

    public Map<String, TextEmbedder> all() {
        return byLanguage;
    }
}
