package org.heritageguide.knowledge;

/**
 * Turns a text into a dense vector whose cosine with another text's vector says how close their
 * meanings are. One embedder serves one language (the models on hand are monolingual).
 */
public interface TextEmbedder {

    /** A unit-length vector for the text. */
    float[] embed(String text);

    /** What model this is, for logs. */
    String model();
}
