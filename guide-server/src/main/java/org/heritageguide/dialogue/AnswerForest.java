package org.heritageguide.dialogue;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
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
 * The answer model's random forest as plain arrays, taken once from Tribuo's: the likelihood a forest gives is the
 * mean of its trees' leaves' share of right answers, and finding a leaf is a few comparisons. Tribuo's own
 * prediction turns the features into a sparse vector by their names, in every tree: that cost a turn more than
 * its searches once the guide weighed three candidates. The build writes it in this form too ({@link #writeTo}),
 * which the guide reads: Tribuo's file of the same forest (104 MB) took 700 MB of heap to read, for a forest of
 * 26 MB.
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

    /** The version of {@link #writeTo}'s format. */
    private static final int FORMAT = 1;

    /** Writes the forest as {@link #readFrom} reads it, with the names of the features it was learned on. */
    void writeTo(DataOutputStream out) throws IOException {
        out.writeInt(FORMAT);
        out.writeInt(AnswerFeatures.NAMES.size());
        for (String name : AnswerFeatures.NAMES) {
            out.writeUTF(name);
        }
        out.writeInt(feature.length);
        for (int node = 0; node < feature.length; node++) {
            out.writeInt(feature[node]);
            out.writeDouble(split[node]);
            out.writeInt(greater[node]);
            out.writeInt(notGreater[node]);
            out.writeDouble(right[node]);
        }
        out.writeInt(roots.length);
        for (int root : roots) {
            out.writeInt(root);
        }
    }

    /** A forest {@link #writeTo} wrote, learned on this version's features. */
    static AnswerForest readFrom(DataInputStream in) throws IOException {
        int format = in.readInt();
        List<String> names = new ArrayList<>();
        for (int count = format == FORMAT ? in.readInt() : 0; names.size() < count; ) {
            names.add(in.readUTF());
        }
        if (format != FORMAT || !names.equals(AnswerFeatures.NAMES)) {
            throw new IllegalStateException("The answer model was learned by another version of the guide (format "
                    + format + ", features " + names + "): learn it again (mvn process-test-classes -pl guide-server)");
        }
        int nodes = in.readInt();
        int[] feature = new int[nodes];
        double[] split = new double[nodes];
        int[] greater = new int[nodes];
        int[] notGreater = new int[nodes];
        double[] right = new double[nodes];
        for (int node = 0; node < nodes; node++) {
            feature[node] = in.readInt();
            split[node] = in.readDouble();
            greater[node] = in.readInt();
            notGreater[node] = in.readInt();
            right[node] = in.readDouble();
        }
        int[] roots = new int[in.readInt()];
        for (int tree = 0; tree < roots.length; tree++) {
            roots[tree] = in.readInt();
        }
        return new AnswerForest(feature, split, greater, notGreater, right, roots);
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
