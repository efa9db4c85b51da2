package io.mmdcstudio.engine.map.bench;

import io.mmdcstudio.engine.map.MapLayout;
import io.mmdcstudio.engine.map.MapProgress;
import io.mmdcstudio.engine.map.Tsne;
import io.mmdcstudio.engine.map.TsneConfig;
import io.mmdcstudio.engine.results.ResultFiles;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/**
 * Benchmark load (not a test): redraws the map of {@code points} embeddings the way the app does after every
 * epoch (each layout continues from the previous one) for {@code seconds}, so that bench/map/run.sh can time the
 * training step beside it (the script suspends and resumes it with SIGSTOP/SIGCONT, and stops it at any time).
 * Every few seconds it prints how many layouts it finished and how many cores its JVM has used on average.
 * Args: RUN_DIR besideTraining|unthrottled SECONDS [points=10000].
 * {@code besideTraining} is what the window does: {@link TsneConfig#besideTraining()}, throttled and (inside
 * {@code Tsne}) on a thread five nice levels below the caller (nice 5 here); {@code unthrottled} one thread flat out at
 * normal priority.
 */
public final class MapBesideTrainingBench {

    private static final double REPORT_EVERY_SECONDS = 5;

    private MapBesideTrainingBench() {}

    public static void main(String[] args) throws Exception {
        float[][] all = ResultFiles.readEmbeddings(Path.of(args[0]));
        TsneConfig config = switch (args[1]) {
            case "besideTraining" -> TsneConfig.besideTraining();
            case "unthrottled" -> TsneConfig.besideTraining().withCpuShare(1);
            default -> throw new IllegalArgumentException("besideTraining or unthrottled, not " + args[1]);
        };
        long t0 = System.nanoTime();
        long end = t0 + (long) (Double.parseDouble(args[2]) * 1e9);
        float[][] points = Arrays.copyOf(all, args.length > 3 ? Integer.parseInt(args[3]) : 10_000);
        int[] layouts = {0};
        double[] lastReport = {0};
        MapProgress report = (iteration, total, kl) -> {
            double wall = (System.nanoTime() - t0) / 1e9;
            if (wall - lastReport[0] >= REPORT_EVERY_SECONDS) {
                lastReport[0] = wall;
                System.out.printf(Locale.ROOT, "map %s, %,d points: %d layouts done in %.0f s, %.2f cores used "
                        + "on average%n", args[1], points.length, layouts[0], wall, processCpuSeconds() / wall);
                System.out.flush();
            }
        };
        float[][] previous = null;
        while (System.nanoTime() < end) {
            MapLayout layout = Tsne.layout(points, config, previous, report, () -> System.nanoTime() > end);
            previous = layout.positions();
            layouts[0] += layout.cancelled() ? 0 : 1;
        }
    }

    /** CPU time of this whole JVM (map threads, JIT, GC). */
    private static double processCpuSeconds() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime() / 1e9;
    }
}
