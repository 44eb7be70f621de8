package org.heritageguide.dialogue;

import java.util.ArrayList;
import java.util.List;

import org.tribuo.ImmutableFeatureMap;
import org.tribuo.Model;
import org.tribuo.classification.Label;
import org.tribuo.common.tree.LeafNode;
import org.tribuo.common.tree.Node;
import org.tribuo.common.tree.SplitNode;
import org.tribuo.common.tree.TreeModel;
import org.tribuo.ensemble.EnsembleModel;

/**
 * The answer model's random forest as plain arrays, read once from Tribuo's: the likelihood a forest gives is the
 * mean of its trees' leaves' share of right answers, and finding a leaf is a few comparisons. Tribuo's own
 * prediction turns the features into a sparse vector by their names, in every tree: that cost a turn more than
 * its searches once the guide weighed three candidates.
 */
final class AnswerForest {

    /** Per node: the feature it splits on (an index of {@link AnswerFeatures#NAMES}), or -1 for a leaf. */
    private final int[] feature;
    /** Per split node: the value above which the example goes to {@link #greater}, else to {@link #notGreater}. */
    private final double[] split;
    private final int[] greater;
    private final int[] notGreater;
    /** Per leaf: its share of right answers. */
    private final double[] right;
    /** The node each tree starts at. */
    private final int[] roots;

    private AnswerForest(int[] feature, double[] split, int[] greater, int[] notGreater, double[] right, int[] roots) {
        this.feature = feature;
        this.split = split;
        this.greater = greater;
        this.notGreater = notGreater;
        this.right = right;
        this.roots = roots;
    }

    /** The forest of a model {@code AnswerModelTraining} learned (an ensemble of CART trees, equally weighted). */
    static AnswerForest of(Model<Label> model) {
        Nodes nodes = new Nodes();
        List<Integer> roots = new ArrayList<>();
        for (Model<Label> member : ((EnsembleModel<Label>) model).getModels()) {
            TreeModel<Label> tree = (TreeModel<Label>) member;
            roots.add(nodes.add(tree.getRoot(), tree.getFeatureIDMap()));
        }
        return nodes.forest(roots.stream().mapToInt(Integer::intValue).toArray());
    }

    /** The likelihood that an answer with these {@link AnswerFeatures} is right. */
    double likelihood(double[] features) {
        double sum = 0;
        for (int root : roots) {
            int node = root;
            while (feature[node] >= 0) {
                node = features[feature[node]] > split[node] ? greater[node] : notGreater[node];
            }
            sum += right[node];
        }
        return sum / roots.length;
    }

    /** The nodes of all the trees, numbered as they are added. */
    private static final class Nodes {

        private final List<Integer> feature = new ArrayList<>();
        private final List<Double> split = new ArrayList<>();
        private final List<Integer> greater = new ArrayList<>();
        private final List<Integer> notGreater = new ArrayList<>();
        private final List<Double> right = new ArrayList<>();

        int add(Node<Label> node, ImmutableFeatureMap features) {
            int index = feature.size();
            feature.add(-1);
            split.add(0.0);
            greater.add(-1);
            notGreater.add(-1);
            right.add(0.0);
            if (node instanceof SplitNode<Label> splitNode) {
                String name = features.get(splitNode.getFeatureID()).getName();
                int featureIndex = AnswerFeatures.NAMES.indexOf(name);
                if (featureIndex < 0) {
                    throw new IllegalStateException("The answer model splits on " + name + ", which is none of "
                            + AnswerFeatures.NAMES + ": it was learned by another version of the guide");
                }
                feature.set(index, featureIndex);
                split.set(index, splitNode.splitValue());
                greater.set(index, add(splitNode.getGreaterThan(), features));
                notGreater.set(index, add(splitNode.getLessThanOrEqual(), features));
            } else {
                Label share = ((LeafNode<Label>) node).getDistribution().get(LearnedConfidence.RIGHT);
                right.set(index, share == null ? 0 : share.getScore());
            }
            return index;
        }

        AnswerForest forest(int[] roots) {
            return new AnswerForest(feature.stream().mapToInt(Integer::intValue).toArray(),
                    split.stream().mapToDouble(Double::doubleValue).toArray(),
                    greater.stream().mapToInt(Integer::intValue).toArray(),
                    notGreater.stream().mapToInt(Integer::intValue).toArray(),
                    right.stream().mapToDouble(Double::doubleValue).toArray(), roots);
        }
    }
}
