package io.mmdcstudio.gmm.bench;

import io.mmdcstudio.gmm.ClusteringMetrics;
import io.mmdcstudio.gmm.ClusteringMetrics.Scores;
import io.mmdcstudio.gmm.KMeans;
import io.mmdcstudio.gmm.KMeans.KMeansResult;
import io.mmdcstudio.gmm.LinearAssignment;
import io.mmdcstudio.gmm.Pca;
import io.mmdcstudio.gmm.Pca.PcaResult;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.zip.GZIPInputStream;
import org.apache.commons.math3.ml.clustering.CentroidCluster;
import org.apache.commons.math3.ml.clustering.DoublePoint;
import org.apache.commons.math3.ml.clustering.KMeansPlusPlusClusterer;
import org.apache.commons.math3.ml.distance.EuclideanDistance;
import org.apache.commons.math3.random.JDKRandomGenerator;

/**
 * Stand-alone timings of the gmm module (run by {@code bench/gmm/run.sh}; named *Bench so surefire skips
 * it). Prints medians over repetitions, after warm-up runs that let the JIT compile the hot loops.
 *
 * <p>Arguments: {@code [sections...]} out of {@code assignment kmeans pca fmnist} (default: all), and
 * {@code --fashion-mnist DIR} for the Fashion-MNIST IDX files (default
 * {@code /usr/share/datasets/fashion-mnist}; the section is skipped when they are absent).
 */
public final class GmmBench {

    private static final long SEED = 20240601L;
    private static final int LARGE_REPEATS = 3;

    private GmmBench() {
    }

    /**
     * Entry point.
     *
     * @param args sections and options, see the class comment
     * @throws IOException when the Fashion-MNIST files cannot be read
     */
    public static void main(String[] args) throws IOException {
        List<String> sections = new ArrayList<>();
        Path fashionMnist = Path.of("/usr/share/datasets/fashion-mnist");
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--fashion-mnist")) {
                fashionMnist = Path.of(args[++i]);
            } else {
                sections.add(args[i]);
            }
        }
        boolean all = sections.isEmpty();
        System.out.printf(Locale.ROOT, "gmm bench: %d cores, Java %s, max heap %d MiB%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
                Runtime.getRuntime().maxMemory() >> 20);
        if (all || sections.contains("assignment")) {
            AssignmentBench.run();
        }
        if (all || sections.contains("kmeans")) {
            KMeansBench.run();
        }
        if (all || sections.contains("pca")) {
            PcaBench.run();
        }
        if (all || sections.contains("fmnist")) {
            FashionMnistBench.run(fashionMnist);
        }
    }

    /** Linear assignment on batch-sized cost matrices. */
    static final class AssignmentBench {
        private static final int WARM_UP = 300;
        private static final int REPEATS = 1000;

        private AssignmentBench() {
        }

        static void run() {
            System.out.println("\n== LinearAssignment.solve(float[], n, n): median / p90 over "
                    + REPEATS + " fresh problems");
            for (int n : new int[] {128, 256}) {
                time(n, "uniform U(0,1) costs", AssignmentBench::uniform);
                time(n, "sq. Euclidean, unit vectors D=10", AssignmentBench::unitVectors);
                time(n, "sq. Euclidean, unit vectors vs one-hot k=10 targets (ties)", AssignmentBench::oneHot);
            }
        }

        private interface CostMaker {
            float[] make(SplittableRandom random, int n);
        }

        private static void time(int n, String label, CostMaker maker) {
            SplittableRandom random = new SplittableRandom(SEED + n);
            for (int i = 0; i < WARM_UP; i++) {
                LinearAssignment.solve(maker.make(random, n), n, n);
            }
            double[] millis = new double[REPEATS];
            for (int i = 0; i < REPEATS; i++) {
                float[] cost = maker.make(random, n);
                long start = System.nanoTime();
                LinearAssignment.solve(cost, n, n);
                millis[i] = (System.nanoTime() - start) / 1e6;
            }
            Arrays.sort(millis);
            System.out.printf(Locale.ROOT, "  %3d x %-3d %-58s median %6.3f ms  p90 %6.3f ms%n", n, n, label,
                    millis[REPEATS / 2], millis[REPEATS * 9 / 10]);
        }

        static float[] uniform(SplittableRandom random, int n) {
            float[] cost = new float[n * n];
            for (int i = 0; i < cost.length; i++) {
                cost[i] = (float) random.nextDouble();
            }
            return cost;
        }

        static float[] unitVectors(SplittableRandom random, int n) {
            return squaredDistances(Data.unitVectors(random, n, 10), Data.unitVectors(random, n, 10));
        }

        /** The MMDC case before refinement: balanced one-hot targets, so many columns are identical. */
        static float[] oneHot(SplittableRandom random, int n) {
            float[][] targets = new float[n][10];
            for (int i = 0; i < n; i++) {
                targets[i][i % 10] = 1;
            }
            return squaredDistances(Data.unitVectors(random, n, 10), targets);
        }

        private static float[] squaredDistances(float[][] a, float[][] b) {
            int n = a.length;
            float[] cost = new float[n * n];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    double sum = 0;
                    for (int d = 0; d < a[i].length; d++) {
                        double diff = a[i][d] - b[j][d];
                        sum += diff * diff;
                    }
                    cost[i * n + j] = (float) sum;
                }
            }
            return cost;
        }
    }

    /** k-means at MMDC refinement size, against Commons Math's KMeansPlusPlusClusterer. */
    static final class KMeansBench {
        private static final int N = 70_000;
        private static final int MAX_ITERATIONS = 300;

        private KMeansBench() {
        }

        static void run() {
            System.out.printf(Locale.ROOT, "%n== k-means, %d x 10, k = 10, max %d iterations, median of %d%n",
                    N, MAX_ITERATIONS, LARGE_REPEATS);
            compare("10 separated Gaussian blobs (centre spread 1.5)", 1.5);
            compare("10 weakly separated blobs (centre spread 0.5)", 0.5);
        }

        private static void compare(String label, double spread) {
            float[][] data = Data.blobs(new SplittableRandom(SEED), N, 10, 10, spread);
            System.out.println("  " + label + ":");
            KMeansResult[] last = new KMeansResult[1];
            double fiveRestarts = medianSeconds(() -> last[0] = KMeans.fit(data, 10, 5, MAX_ITERATIONS, SEED));
            System.out.printf(Locale.ROOT, "    ours, 5 restarts:  %6.2f s  (best inertia %.1f, %d iterations)%n",
                    fiveRestarts, last[0].inertia(), last[0].iterations());
            double oneRestart = medianSeconds(() -> last[0] = KMeans.fit(data, 10, 1, MAX_ITERATIONS, SEED));
            System.out.printf(Locale.ROOT, "    ours, 1 restart:   %6.2f s  (inertia %.1f, %d iterations)%n",
                    oneRestart, last[0].inertia(), last[0].iterations());
            List<DoublePoint> points = Data.toPoints(data);
            double[] inertia = new double[1];
            double commons = medianSeconds(() -> inertia[0] = commonsMathOnce(points));
            System.out.printf(Locale.ROOT, "    Commons Math 3.6.1 KMeansPlusPlusClusterer, 1 restart: %6.2f s  "
                    + "(inertia %.1f; boxing the points not timed)%n", commons, inertia[0]);
            System.out.printf(Locale.ROOT, "    ratio Commons Math / ours, 1 restart each: %.1fx%n", commons / oneRestart);
        }

        private static double commonsMathOnce(List<DoublePoint> points) {
            JDKRandomGenerator random = new JDKRandomGenerator();
            random.setSeed(SEED);
            KMeansPlusPlusClusterer<DoublePoint> clusterer =
                    new KMeansPlusPlusClusterer<>(10, MAX_ITERATIONS, new EuclideanDistance(), random);
            double inertia = 0;
            for (CentroidCluster<DoublePoint> cluster : clusterer.cluster(points)) {
                double[] centre = cluster.getCenter().getPoint();
                for (DoublePoint point : cluster.getPoints()) {
                    double[] x = point.getPoint();
                    for (int d = 0; d < x.length; d++) {
                        inertia += (x[d] - centre[d]) * (x[d] - centre[d]);
                    }
                }
            }
            return inertia;
        }
    }

    /** PCA at raw-pixel size on synthetic data with a known low-rank structure. */
    static final class PcaBench {
        private PcaBench() {
        }

        static void run() {
            float[][] data = Data.lowRankPlusNoise(new SplittableRandom(SEED), 70_000, 784, 60);
            System.out.printf(Locale.ROOT, "%n== PCA, 70000 x 784 -> 50 (synthetic: rank 60 + noise), "
                    + "median of %d%n", LARGE_REPEATS);
            PcaResult[] last = new PcaResult[1];
            double fit = medianSeconds(() -> last[0] = Pca.fit(data, 50, SEED));
            double transform = medianSeconds(() -> last[0].transform(data));
            double captured = Arrays.stream(last[0].explainedVarianceRatio()).sum();
            System.out.printf(Locale.ROOT, "  fit %.2f s, transform %.2f s (50 components hold %.1f%% of the "
                    + "variance)%n", fit, transform, 100 * captured);
        }
    }

    /** Raw-pixel k-means and the pca-kmeans baseline on Fashion-MNIST (train + test, 70,000 images). */
    static final class FashionMnistBench {
        private FashionMnistBench() {
        }

        static void run(Path dir) throws IOException {
            Path trainImages = dir.resolve("train-images-idx3-ubyte.gz");
            if (!Files.isReadable(trainImages)) {
                System.out.println("\n== Fashion-MNIST: skipped, no IDX files in " + dir);
                return;
            }
            float[][] images = concat(Idx.images(trainImages), Idx.images(dir.resolve("t10k-images-idx3-ubyte.gz")));
            int[] labels = concat(Idx.labels(dir.resolve("train-labels-idx1-ubyte.gz")),
                    Idx.labels(dir.resolve("t10k-labels-idx1-ubyte.gz")));
            System.out.printf(Locale.ROOT, "%n== Fashion-MNIST, %d images, pixels scaled to [0, 1], k = 10, "
                    + "max 300 iterations, single runs%n", images.length);
            for (int restarts : new int[] {1, 5}) {
                long start = System.nanoTime();
                KMeansResult result = KMeans.fit(images, 10, restarts, 300, SEED);
                report("k-means on raw pixels, " + restarts + " restart(s)", start, result, labels);
            }
            long start = System.nanoTime();
            PcaResult pca = Pca.fit(images, 50, SEED);
            double pcaSeconds = (System.nanoTime() - start) / 1e9;
            float[][] reduced = pca.transform(images);
            KMeansResult result = KMeans.fit(reduced, 10, 5, 300, SEED);
            report(String.format(Locale.ROOT, "pca-kmeans (PCA-50 %.1f s + k-means 5 restarts)", pcaSeconds),
                    start, result, labels);
        }

        private static void report(String label, long startNanos, KMeansResult result, int[] truth) {
            Scores scores = ClusteringMetrics.score(truth, result.labels());
            System.out.printf(Locale.ROOT, "  %-50s %6.1f s  ACC %.3f  NMI %.3f  ARI %.3f  (%d iterations)%n",
                    label, (System.nanoTime() - startNanos) / 1e9, scores.acc(), scores.nmi(), scores.ari(),
                    result.iterations());
        }

        private static float[][] concat(float[][] a, float[][] b) {
            float[][] out = Arrays.copyOf(a, a.length + b.length);
            System.arraycopy(b, 0, out, a.length, b.length);
            return out;
        }

        private static int[] concat(int[] a, int[] b) {
            int[] out = Arrays.copyOf(a, a.length + b.length);
            System.arraycopy(b, 0, out, a.length, b.length);
            return out;
        }
    }

    /** Reader for the gzipped IDX files of (Fashion-)MNIST. */
    static final class Idx {
        private Idx() {
        }

        static float[][] images(Path path) throws IOException {
            try (DataInputStream in = open(path)) {
                in.readInt();
                int count = in.readInt();
                int pixels = in.readInt() * in.readInt();
                float[][] out = new float[count][pixels];
                byte[] buffer = new byte[pixels];
                for (float[] image : out) {
                    in.readFully(buffer);
                    for (int p = 0; p < pixels; p++) {
                        image[p] = (buffer[p] & 0xff) / 255f;
                    }
                }
                return out;
            }
        }

        static int[] labels(Path path) throws IOException {
            try (DataInputStream in = open(path)) {
                in.readInt();
                int[] out = new int[in.readInt()];
                for (int i = 0; i < out.length; i++) {
                    out[i] = in.readUnsignedByte();
                }
                return out;
            }
        }

        private static DataInputStream open(Path path) throws IOException {
            InputStream raw = Files.newInputStream(path);
            return new DataInputStream(new BufferedInputStream(new GZIPInputStream(raw, 1 << 16)));
        }
    }

    /** Seeded synthetic data. */
    static final class Data {
        private Data() {
        }

        static float[][] unitVectors(SplittableRandom random, int n, int dim) {
            float[][] out = new float[n][dim];
            for (float[] row : out) {
                double norm = 0;
                for (int d = 0; d < dim; d++) {
                    row[d] = (float) random.nextGaussian();
                    norm += row[d] * row[d];
                }
                for (int d = 0; d < dim; d++) {
                    row[d] = (float) (row[d] / Math.sqrt(norm));
                }
            }
            return out;
        }

        /** {@code k} Gaussian blobs with unit noise around centres drawn from N(0, spread²). */
        static float[][] blobs(SplittableRandom random, int n, int dim, int k, double spread) {
            double[][] centres = new double[k][dim];
            for (double[] centre : centres) {
                for (int d = 0; d < dim; d++) {
                    centre[d] = spread * random.nextGaussian();
                }
            }
            float[][] out = new float[n][dim];
            for (int i = 0; i < n; i++) {
                for (int d = 0; d < dim; d++) {
                    out[i][d] = (float) (centres[i % k][d] + random.nextGaussian());
                }
            }
            return out;
        }

        /** Rows {@code z · A + 0.1 ε}, with {@code rank} latent factors of decaying scale. */
        static float[][] lowRankPlusNoise(SplittableRandom random, int n, int dim, int rank) {
            float[][] mixing = new float[rank][dim];
            for (int r = 0; r < rank; r++) {
                double scale = Math.pow(0.95, r);
                for (int d = 0; d < dim; d++) {
                    mixing[r][d] = (float) (scale * random.nextGaussian());
                }
            }
            float[][] out = new float[n][dim];
            for (float[] row : out) {
                for (int d = 0; d < dim; d++) {
                    row[d] = (float) (0.1 * random.nextGaussian());
                }
                for (int r = 0; r < rank; r++) {
                    float z = (float) random.nextGaussian();
                    float[] axis = mixing[r];
                    for (int d = 0; d < dim; d++) {
                        row[d] += z * axis[d];
                    }
                }
            }
            return out;
        }

        static List<DoublePoint> toPoints(float[][] data) {
            List<DoublePoint> points = new ArrayList<>(data.length);
            for (float[] row : data) {
                double[] values = new double[row.length];
                for (int d = 0; d < row.length; d++) {
                    values[d] = row[d];
                }
                points.add(new DoublePoint(values));
            }
            return points;
        }
    }

    /** Median wall time in seconds of {@link #LARGE_REPEATS} runs, after one untimed warm-up run. */
    private static double medianSeconds(Runnable task) {
        task.run();
        double[] seconds = new double[LARGE_REPEATS];
        for (int i = 0; i < LARGE_REPEATS; i++) {
            long start = System.nanoTime();
            task.run();
            seconds[i] = (System.nanoTime() - start) / 1e9;
        }
        Arrays.sort(seconds);
        return seconds[LARGE_REPEATS / 2];
    }
}
