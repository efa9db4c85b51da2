package io.mmdcstudio.app;

import io.mmdcstudio.engine.data.FewLabelsCsv;
import io.mmdcstudio.engine.data.ImageDataset;
import io.mmdcstudio.engine.io.Json;
import io.mmdcstudio.engine.results.MmdcResults;
import io.mmdcstudio.engine.results.RunEdits;
import io.mmdcstudio.engine.results.RunManifest;
import io.mmdcstudio.engine.run.Corrections;
import io.mmdcstudio.engine.run.FewLabels;
import io.mmdcstudio.engine.run.MmdcRun;
import io.mmdcstudio.engine.run.RunConfig;
import io.mmdcstudio.engine.run.RunControl;
import io.mmdcstudio.engine.run.RunOptions;
import io.mmdcstudio.engine.run.RunResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code mmdc train}: clusters a dataset with MMDC and writes run.json and assignments.csv. */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Cluster images with Multi-Modal Deep Clustering; writes DIR/run.json and DIR/assignments.csv.")
final class TrainCommand implements Callable<Integer> {

    /** Name of the checkpoint file kept in the output folder. */
    static final String CHECKPOINT = "checkpoint.bin";

    @Spec
    CommandSpec spec;

    @Mixin
    DataOptions dataOptions = new DataOptions();

    @Mixin
    OutputOptions output = new OutputOptions();

    @Option(names = "--clusters", paramLabel = "K", description = "Number of clusters (required unless --config sets it).")
    Integer clusters;

    @Option(names = "--preset", defaultValue = "quick", paramLabel = "quick|balanced|paper",
            description = "Starting settings: quick (minutes on a laptop CPU), balanced, or paper (the reference "
                    + "recipe). Default: ${DEFAULT-VALUE}.")
    String preset;

    @Option(names = "--epochs", paramLabel = "N", description = "Number of epochs (overrides the preset).")
    Integer epochs;

    @Option(names = "--seed", paramLabel = "S", description = "Seed of every random choice (default 1).")
    Long seed;

    @Option(names = "--train-subset", paramLabel = "N",
            description = "Train on N images and assign all of them (0 = train on all; overrides the preset).")
    Integer trainSubset;

    @Option(names = "--config", paramLabel = "run.json",
            description = "Read the settings from a JSON file: a run config, or an earlier run's run.json. "
                    + "Other flags override it.")
    Path configFile;

    @Option(names = "--resume", description = "Continue from DIR/" + CHECKPOINT + " (same data and settings).")
    boolean resume;

    @Option(names = "--continue", paramLabel = "RUN", description = {
            "Continue training an earlier run's network (RUN/" + CHECKPOINT + ") with its corrections: images "
                    + "moved or pinned in RUN/edits.json keep their cluster as fixed targets. Settings default to "
                    + "RUN/run.json's; cluster numbers and names stay."})
    Path continueFrom;

    @Option(names = "--few-labels", paramLabel = "FEW.csv", description = {
            "Semi-supervised mode: a path,label CSV naming the class of a few images (one per class is enough), "
                    + "the only labels training sees. Labels become clusters 0..k-1 in sorted order (cluster j is "
                    + "class j) and name the clusters. --labels still serves the metrics only."})
    Path fewLabels;

    @Option(names = "--supervised-epochs", paramLabel = "N", defaultValue = "3", description = "With --few-labels: "
            + "supervised epochs per label-free MMDC epoch in each round. Default: ${DEFAULT-VALUE}.")
    int supervisedEpochs;

    @Option(names = "--confidence", paramLabel = "T", defaultValue = "0.95", description = "With --few-labels: "
            + "FixMatch threshold: an unlabelled image teaches its strongly distorted view the class its mildly "
            + "distorted view is predicted with at least this probability. Default: ${DEFAULT-VALUE}.")
    double confidence;

    @Option(names = "--consistency-weight", paramLabel = "W", defaultValue = "1", description = "With --few-labels: "
            + "weight of FixMatch's consistency loss on the unlabelled images (0 = labelled cross-entropy only in the "
            + "supervised epochs, which also skips their unlabelled forward passes). Default: ${DEFAULT-VALUE}.")
    double consistencyWeight;

    @Option(names = "--supervised-only", description = "With --few-labels: the baseline that trains the same network "
            + "on the labelled images alone (cross-entropy, same steps and read-out), without MMDC.")
    boolean supervisedOnly;

    @Override
    public Integer call() throws Exception {
        checkFewLabelFlags();
        Instant started = Instant.now();
        ConsoleProgress console = ConsoleProgress.to(spec.commandLine().getErr());
        RunConfig probe = config(true, 0); // validates the settings before any data is read
        long t0 = System.nanoTime();
        ImageDataset data = dataOptions.load(probe.inputSize(), console);
        double loadSeconds = (System.nanoTime() - t0) / 1e9;
        Reports.skipped(console, data);
        RunConfig config = config(data.channels() == 1, data.size());
        Path dir = output.directory();
        Files.createDirectories(dir);
        RunOptions options = new RunOptions(dir.resolve(CHECKPOINT), resume, 10);
        RunEdits edits = null;
        if (continueFrom != null) {
            edits = RunFolders.edits(continueFrom);
            int[] fixed = edits.fixedClusters(data.items(), RunFolders.assignments(continueFrom));
            options = options.withCorrections(new Corrections(fixed, continueFrom.resolve(CHECKPOINT)));
            console.line(String.format(java.util.Locale.ROOT, "continuing %s with %d corrected image(s) fixed",
                    continueFrom, options.corrections().fixedCount()));
        }
        FewLabelsCsv.FewLabelSet few = null;
        if (fewLabels != null) {
            few = FewLabelsCsv.read(fewLabels, dataOptions.data, data, config.clusters());
            FewLabels defaults = FewLabels.semiSupervised(few.classOf());
            FewLabels mode = new FewLabels(few.classOf(), supervisedEpochs, confidence, consistencyWeight,
                    defaults.labelledBatch(), defaults.pseudoRadius(), false);
            options = options.withFewLabels(supervisedOnly ? mode.asSupervisedOnly() : mode);
            console.line(String.format(java.util.Locale.ROOT, "%s with %d labelled image(s) in %d class(es): %s",
                    supervisedOnly ? "supervised-only baseline" : "semi-supervised", few.labelledCount(),
                    few.classNames().size(), String.join(", ", few.classNames())));
        }
        RunResult result = MmdcRun.run(data, config, options, console, new RunControl());
        // The same two calls as the desktop app's Save results, so both write identical run folders.
        String method = few == null ? "mmdc" : supervisedOnly ? "supervised-few-labels" : "mmdc-few-labels";
        RunManifest manifest = MmdcResults.manifest(data, config, result, new MmdcResults.Source(
                dataOptions.data.toString(), dataOptions.labelSource(data), started, loadSeconds), method);
        MmdcResults.write(dir, data, manifest, result);
        if (edits != null && !edits.isEmpty()) {
            edits.write(dir); // names and corrections still apply: cluster numbers are the earlier run's
        }
        if (few != null) {
            classNames(few).write(dir); // cluster j is class j: the window shows the few labels' names
        }
        Reports.summary(spec.commandLine().getOut(), manifest, dir);
        return 0;
    }

    private void checkFewLabelFlags() {
        if (supervisedOnly && fewLabels == null) {
            throw new IllegalArgumentException("--supervised-only needs --few-labels FEW.csv");
        }
        if (fewLabels != null && continueFrom != null) {
            throw new IllegalArgumentException("--few-labels and --continue cannot be combined");
        }
    }

    /** Edits that name cluster j after class j of the few labels. */
    private static RunEdits classNames(FewLabelsCsv.FewLabelSet few) {
        RunEdits edits = RunEdits.none();
        for (int j = 0; j < few.classNames().size(); j++) {
            edits = edits.withName(j, few.classNames().get(j));
        }
        return edits;
    }

    /**
     * The preset sized for {@code images} images (0 = not known yet), or the config file as it is, with the
     * command-line overrides applied last.
     */
    private RunConfig config(boolean grayscale, int images) throws IOException {
        RunConfig config;
        if (configFile != null) {
            config = readConfig(configFile);
        } else if (continueFrom != null) {
            requireCheckpoint(continueFrom);
            // No warm-up: the network already has its features; it goes straight on clustering.
            config = readConfig(continueFrom.resolve("run.json")).toBuilder().warmupEpochs(0).build();
        } else {
            if (clusters == null) {
                throw new IllegalArgumentException("--clusters K is required (or give --config with a config)");
            }
            config = RunConfig.preset(preset, clusters, grayscale);
            config = images > 0 ? config.scaledTo(images) : config;
        }
        if (clusters != null) {
            config = config.withClusters(clusters);
        }
        if (epochs != null) {
            config = config.withEpochs(epochs);
        }
        if (seed != null) {
            config = config.withSeed(seed);
        }
        if (trainSubset != null) {
            config = config.withTrainSubset(trainSubset);
        }
        return config.validated();
    }

    private static void requireCheckpoint(Path run) {
        if (!Files.isRegularFile(run.resolve(CHECKPOINT))) {
            throw new IllegalArgumentException(run + " has no " + CHECKPOINT
                    + ": only a run of 'mmdc train' can be continued (baselines keep no network)");
        }
    }

    /** A bare config, or the {@code config} of an earlier run.json. */
    static RunConfig readConfig(Path file) throws IOException {
        com.fasterxml.jackson.databind.JsonNode node = Json.mapper().readTree(file.toFile());
        com.fasterxml.jackson.databind.JsonNode config = node.has("config") ? node.get("config") : node;
        try {
            return Json.mapper().treeToValue(config, RunConfig.class);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException("Cannot read the config in " + file + ": " + e.getOriginalMessage());
        }
    }
}
