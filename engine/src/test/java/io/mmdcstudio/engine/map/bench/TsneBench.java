package io.mmdcstudio.engine.map.bench;

import io.mmdcstudio.engine.map.Tsne;
import io.mmdcstudio.engine.map.TsneConfig;
import io.mmdcstudio.engine.results.Assignment;
import io.mmdcstudio.engine.results.ResultFiles;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Function;

/**
 * Benchmark (not a test): wall time and 10-NN label agreement in 2-D of our t-SNE against Smile 2.6 (exact, LGPL)
 * and {@code de.javagl:bh-tsne} 0.0.1 (Barnes–Hut, BSD), side by side in one JVM, on random subsets of a run's
 * embeddings. A competitor is skipped at a size where its time, extrapolated from the previous size, would pass the
 * limit. Args: RUN_DIR [sizes=2000,5000,20000,70000] [iterations=500] [limitSeconds=300]. Prints a Markdown table.
 */
public final class TsneBench {

    private static final double PERPLEXITY = 30;
    private static final long SEED = 1;
    private static final int K = 10;

    private TsneBench() {}

    /** One competitor: lays out points, and how its time grows with n (for skipping). */
    private record Method(String name, String threads, double growth, Function<float[][], float[][]> layout) {}

    public static void main(String[] args) throws Exception {
        Path run = Path.of(args[0]);
        int[] sizes = Arrays.stream((args.length > 1 ? args[1] : "2000,5000,20000,70000").split(","))
                .mapToInt(Integer::parseInt).toArray();
        int iterations = args.length > 2 ? Integer.parseInt(args[2]) : 500;
        double limit = args.length > 3 ? Double.parseDouble(args[3]) : 300;
        float[][] embeddings = ResultFiles.readEmbeddings(run);
        int[] labels = labels(ResultFiles.readAssignments(run));
        int cores = Runtime.getRuntime().availableProcessors();
        TsneConfig ours = TsneConfig.defaults().withIterations(iterations).withSeed(SEED);
        List<Method> methods = List.of(
                new Method("MMDC Studio, all points embedded", String.valueOf(cores), 1.1,
                        p -> Tsne.layout(p, ours.withMaxEmbedded(Integer.MAX_VALUE), null, null, null).positions()),
                new Method("MMDC Studio, default (embed 10,000, place the rest)", String.valueOf(cores), 0,
                        p -> Tsne.layout(p, ours, null, null, null).positions()),
                new Method("Smile 2.6 (exact)", "pool", 2.0, p -> smile(p, iterations)),
                new Method("bh-tsne 0.0.1 (Barnes–Hut)", "1", 1.2, p -> bhTsne(p, iterations)));
        warmUp(embeddings, methods);
        System.out.printf(Locale.ROOT, "%d iterations, perplexity %.0f, %d-D embeddings of %,d images, %d cores%n%n",
                iterations, PERPLEXITY, embeddings[0].length, embeddings.length, cores);
        System.out.println("| points | implementation | threads | wall time | 10-NN label agreement (2-D) |");
        System.out.println("|---:|---|---:|---:|---:|");
        Map<String, double[]> last = new HashMap<>();
        for (int n : sizes) {
            int[] subset = subset(embeddings.length, n);
            float[][] points = new float[n][];
            int[] subsetLabels = new int[n];
            for (int i = 0; i < n; i++) {
                points[i] = embeddings[subset[i]];
                subsetLabels[i] = labels[subset[i]];
            }
            for (Method m : methods) {
                if (m.growth() == 0 && n <= TsneConfig.DEFAULT_MAX_EMBEDDED) {
                    continue; // the same as "all points embedded" at this size
                }
                row(m, n, points, subsetLabels, last, limit);
            }
        }
    }

    private static void row(Method m, int n, float[][] points, int[] labels, Map<String, double[]> last,
            double limit) {
        double[] previous = last.get(m.name());
        if (previous != null && m.growth() > 0) {
            double predicted = previous[1] * Math.pow(n / previous[0], m.growth());
            if (predicted > limit) {
                System.out.printf(Locale.ROOT, "| %,d | %s | %s | skipped: about %.0f s predicted (> %.0f s) | |%n",
                        n, m.name(), m.threads(), predicted, limit);
                return;
            }
        }
        long t0 = System.nanoTime();
        float[][] layout = m.layout().apply(points);
        double seconds = (System.nanoTime() - t0) / 1e9;
        last.put(m.name(), new double[] {n, seconds});
        System.out.printf(Locale.ROOT, "| %,d | %s | %s | %.1f s | %.3f |%n", n, m.name(), m.threads(), seconds,
                Neighbours2d.labelAgreement(layout, labels, K));
    }

    /**
     * Every method once on a small subset, so that no row pays for the JIT more than the others; ours also through
     * its Barnes–Hut and interpolation code, which 600 points would not reach.
     */
    private static void warmUp(float[][] embeddings, List<Method> methods) {
        float[][] few = Arrays.copyOf(embeddings, 600);
        for (Method m : methods) {
            m.layout().apply(few);
        }
        TsneConfig brief = TsneConfig.defaults().withIterations(100);
        Tsne.layout(few, brief.withGradientThresholds(0, Integer.MAX_VALUE), null, null, null);
        Tsne.layout(few, brief.withGradientThresholds(0, 0), null, null, null);
    }

    private static int[] subset(int n, int m) {
        int[] all = new int[n];
        Arrays.setAll(all, i -> i);
        SplittableRandom random = new SplittableRandom(SEED);
        for (int i = 0; i < m; i++) {
            int j = i + random.nextInt(n - i);
            int t = all[i];
            all[i] = all[j];
            all[j] = t;
        }
        return Arrays.copyOf(all, m);
    }

    private static int[] labels(List<Assignment> rows) {
        Map<String, Integer> ids = new HashMap<>();
        int[] labels = new int[rows.size()];
        for (int i = 0; i < labels.length; i++) {
            String label = rows.get(i).label();
            if (label == null) {
                throw new IllegalArgumentException("the run's assignments.csv has no labels");
            }
            labels[i] = ids.computeIfAbsent(label, l -> ids.size());
        }
        return labels;
    }

    private static double[][] toDouble(float[][] points) {
        double[][] x = new double[points.length][];
        for (int i = 0; i < x.length; i++) {
            x[i] = new double[points[i].length];
            for (int j = 0; j < x[i].length; j++) {
                x[i][j] = points[i][j];
            }
        }
        return x;
    }

    private static float[][] toFloat(double[][] y) {
        float[][] out = new float[y.length][];
        for (int i = 0; i < y.length; i++) {
            out[i] = new float[] {(float) y[i][0], (float) y[i][1]};
        }
        return out;
    }

    private static float[][] smile(float[][] points, int iterations) {
        smile.math.MathEx.setSeed(SEED);
        return toFloat(new smile.manifold.TSNE(toDouble(points), 2, PERPLEXITY, 200, iterations).coordinates);
    }

    private static float[][] bhTsne(float[][] points, int iterations) {
        de.javagl.tsne.Tsne tsne = new de.javagl.tsne.Tsne();
        tsne.setOutputDims(2);
        tsne.setInitialDims(points[0].length);
        tsne.setPerplexity(PERPLEXITY);
        tsne.setTheta(0.5);
        tsne.setMaxIterations(iterations);
        tsne.setRandomSeed(SEED);
        tsne.setMessageConsumer(message -> { });
        tsne.setProgressConsumer(progress -> { });
        return toFloat(tsne.run(toDouble(points)));
    }

    /** The k nearest neighbours of every point of a 2-D layout, through a uniform grid of buckets. */
    static final class Neighbours2d {

        private Neighbours2d() {}

        /** Mean share of each point's k nearest 2-D neighbours that carry its label. */
        static double labelAgreement(float[][] layout, int[] labels, int k) {
            int n = layout.length;
            Grid grid = new Grid(layout);
            long same = 0;
            for (int i = 0; i < n; i++) {
                for (int j : grid.nearest(i, k)) {
                    same += labels[j] == labels[i] ? 1 : 0;
                }
            }
            return same / (double) (n * (long) k);
        }

        /** Points bucketed into cells holding about 4 each; searched ring by ring around the query's cell. */
        private static final class Grid {
            private final float[][] p;
            private final double minX;
            private final double minY;
            private final double cell;
            private final int side;
            private final List<List<Integer>> cells = new ArrayList<>();

            Grid(float[][] p) {
                this.p = p;
                double x0 = Double.MAX_VALUE;
                double y0 = Double.MAX_VALUE;
                double x1 = -Double.MAX_VALUE;
                double y1 = -Double.MAX_VALUE;
                for (float[] q : p) {
                    x0 = Math.min(x0, q[0]);
                    y0 = Math.min(y0, q[1]);
                    x1 = Math.max(x1, q[0]);
                    y1 = Math.max(y1, q[1]);
                }
                minX = x0;
                minY = y0;
                side = Math.max(1, (int) Math.sqrt(p.length / 4.0));
                cell = Math.max(Math.max(x1 - x0, y1 - y0), 1e-9) / side * (1 + 1e-9);
                for (int c = 0; c < side * side; c++) {
                    cells.add(new ArrayList<>());
                }
                for (int i = 0; i < p.length; i++) {
                    cells.get(cy(i) * side + cx(i)).add(i);
                }
            }

            private int cx(int i) {
                return Math.min(side - 1, (int) ((p[i][0] - minX) / cell));
            }

            private int cy(int i) {
                return Math.min(side - 1, (int) ((p[i][1] - minY) / cell));
            }

            int[] nearest(int i, int k) {
                List<double[]> found = new ArrayList<>(); // (squared distance, index)
                int x = cx(i);
                int y = cy(i);
                for (int ring = 0; ring < side; ring++) {
                    for (int gy = y - ring; gy <= y + ring; gy++) {
                        for (int gx = x - ring; gx <= x + ring; gx++) {
                            boolean onRing = Math.max(Math.abs(gx - x), Math.abs(gy - y)) == ring;
                            if (onRing && gx >= 0 && gy >= 0 && gx < side && gy < side) {
                                for (int j : cells.get(gy * side + gx)) {
                                    if (j != i) {
                                        double dx = p[i][0] - p[j][0];
                                        double dy = p[i][1] - p[j][1];
                                        found.add(new double[] {dx * dx + dy * dy, j});
                                    }
                                }
                            }
                        }
                    }
                    // Everything within `ring` cells of the query's cell is seen: that is distance ring * cell.
                    if (found.size() >= k) {
                        found.sort((a, b) -> a[0] != b[0] ? Double.compare(a[0], b[0]) : Double.compare(a[1], b[1]));
                        double reach = ring * cell;
                        if (found.get(k - 1)[0] <= reach * reach) {
                            break;
                        }
                    }
                }
                found.sort((a, b) -> a[0] != b[0] ? Double.compare(a[0], b[0]) : Double.compare(a[1], b[1]));
                return found.stream().limit(k).mapToInt(e -> (int) e[1]).toArray();
            }
        }
    }
}
