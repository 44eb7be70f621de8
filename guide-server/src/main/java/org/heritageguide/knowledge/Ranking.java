package org.heritageguide.knowledge;

/**
 * How a site's candidates are ranked and how sure a match is. The weights were tuned on the evaluation
 * set (guide-server/src/test/resources/dialogue/eval.yaml, see docs/benchmarks.md).
 *
 * @param bm25Weight     share of the BM25 score (relative to the best one) in the ranking
 * @param denseWeight    weight of the embedding cosine above {@code denseBase}
 * @param denseBase      cosine below which the embeddings say nothing
 * @param namedBonus     for items of the exhibit the question names by title
 * @param focusBonus     for items of the exhibit in context when the question names no other
 * @param pointedBonus   for items of the exhibit in context when the question points at it ("it", "this")
 * @param nameThreshold  title IDF a question must hit to name an exhibit
 * @param sureCosine     embedding cosine above which the embeddings add to a match's confidence (no
 *                       out-of-scope question of the evaluation set comes near it)
 */
public record Ranking(double bm25Weight, double denseWeight, double denseBase, double namedBonus, double focusBonus,
                      double pointedBonus, double nameThreshold, double sureCosine) {

    public static final Ranking DEFAULT = new Ranking(0.25, 1.0, 0.3, 0.3, 0.15, 0.35, 1.5, 0.6);

    /** What is left of the coverage of a match on guessed words whose meaning the embeddings find unrelated. */
    private static final double GUESS_WITHOUT_MEANING = 0.5;

    double score(TextIndex.Match match, double maxBm25, String exhibit, String named, SiteKnowledge.Focus focus,
                 boolean dense) {
        double score = match.coverage() + (maxBm25 > 0 ? bm25Weight * match.bm25() / maxBm25 : 0);
        if (dense) {
            score += denseWeight * Math.max(0, match.dense() - denseBase);
        }
        if (named != null && named.equals(exhibit)) {
            score += namedBonus;
        }
        if (focus.exhibit() != null && focus.exhibit().equals(exhibit) && (named == null || named.equals(exhibit))) {
            score += focus.pointedAt() ? pointedBonus : focusBonus;
        }
        return score;
    }

    /**
     * The share of the question covered, raised when the embeddings find the meaning very close. A match
     * that rests only on words guessed from typos ("parking" taken for "part") needs the embeddings, where
     * there are some, to find the meanings related at all, unless the visitor points at the exhibit the
     * item is about ("wen was it bilt" at the pavilion).
     */
    double confidence(TextIndex.Match match, boolean dense, boolean pointedAt) {
        double closeness = dense ? Math.max(0, match.dense() - sureCosine) : 0;
        double coverage = match.coverage();
        if (dense && match.guessed() && match.dense() < denseBase && !pointedAt) {
            coverage *= GUESS_WITHOUT_MEANING;
        }
        return Math.min(1, coverage + closeness);
    }

}
