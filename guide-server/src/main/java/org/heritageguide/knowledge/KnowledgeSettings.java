package org.heritageguide.knowledge;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param embedder            which {@link TextEmbedder} to use: {@code onnx} (every ONNX model found under
 *                            {@code <models-dir>/embeddings/<language>}, an operator's drop-in in
 *                            {@code <operator-models-dir>/embeddings/<language>} first) or {@code none}
 *                            (lexical search only)
 * @param embedderConcurrency predictors per model (questions embedded at the same time)
 */
@Validated
@ConfigurationProperties("guide.knowledge")
public record KnowledgeSettings(
        @NotNull @DefaultValue("onnx") EmbedderKind embedder,
        @Min(1) @Max(16) @DefaultValue("2") int embedderConcurrency) {

    public enum EmbedderKind { ONNX, NONE }
}
