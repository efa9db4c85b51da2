package io.mmdcstudio.app;

import io.mmdcstudio.engine.map.MapLayout;
import io.mmdcstudio.engine.map.Tsne;
import io.mmdcstudio.engine.map.TsneConfig;
import io.mmdcstudio.engine.results.Assignment;
import io.mmdcstudio.engine.results.ResultFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code mmdc map}: a t-SNE map of a finished run's embeddings, as {@code item,x,y,cluster}. */
@Command(name = "map", mixinStandardHelpOptions = true,
        description = "Lay out a finished run's embeddings in 2-D with t-SNE and write item,x,y,cluster.")
final class MapCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--run", required = true, paramLabel = "DIR",
            description = "A run folder written by 'mmdc train' (run.json, assignments.csv, embeddings.f32).")
    Path run;

    @Option(names = "--perplexity", defaultValue = "30", paramLabel = "P",
            description = "Effective number of neighbours each image keeps close (default ${DEFAULT-VALUE}).")
    double perplexity;

    @Option(names = "--out", paramLabel = "FILE.csv",
            description = "Output file. Default: DIR/" + ResultFiles.MAP + ".")
    Path out;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "S", description = "Seed (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--max-embedded", defaultValue = "" + TsneConfig.DEFAULT_MAX_EMBEDDED, paramLabel = "N",
            description = "Lay out at most N images by t-SNE and place the others next to their nearest neighbours "
                    + "(default ${DEFAULT-VALUE}; all 70,000 of Fashion-MNIST take under a minute on two cores).")
    int maxEmbedded;

    @Override
    public Integer call() throws Exception {
        long t0 = System.nanoTime();
        TsneConfig config = TsneConfig.defaults().withPerplexity(perplexity).withSeed(seed)
                .withMaxEmbedded(maxEmbedded);
        ConsoleProgress console = ConsoleProgress.to(spec.commandLine().getErr());
        float[][] embeddings = readEmbeddings();
        List<Assignment> rows = readAssignments(embeddings.length);
        console.line(String.format(Locale.ROOT, "laying out %,d images (%d dimensions) ...", embeddings.length,
                embeddings.length == 0 ? 0 : embeddings[0].length));
        MapLayout layout = Tsne.layout(embeddings, config, null, console::mapping, null);
        if (layout.notice() != null) {
            console.line(layout.notice());
        }
        Path file = out != null ? out : run.resolve(ResultFiles.MAP);
        ResultFiles.writeMap(file, rows, layout.positions());
        spec.commandLine().getOut().printf(Locale.ROOT, "map of %d images written to %s (KL %.4f, %.1f s)%n",
                rows.size(), file, layout.klDivergence(), (System.nanoTime() - t0) / 1e9);
        return 0;
    }

    private float[][] readEmbeddings() throws IOException {
        if (Files.isDirectory(run) && !Files.isRegularFile(run.resolve(ResultFiles.EMBEDDINGS))) {
            throw new IllegalArgumentException(run + " has no " + ResultFiles.EMBEDDINGS
                    + " (baseline runs keep none; a map needs a run of 'mmdc train')");
        }
        RunFolders.manifest(run);
        return RunFolders.embeddings(run);
    }

    private List<Assignment> readAssignments(int images) throws IOException {
        List<Assignment> rows = RunFolders.assignments(run);
        if (rows.size() != images) {
            throw new IllegalArgumentException(run + ": " + ResultFiles.ASSIGNMENTS + " has " + rows.size()
                    + " rows but " + ResultFiles.EMBEDDINGS + " holds " + images + " embeddings");
        }
        return rows;
    }
}
