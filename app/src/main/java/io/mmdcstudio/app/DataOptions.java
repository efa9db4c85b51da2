package io.mmdcstudio.app;

import io.mmdcstudio.engine.data.DataException;
import io.mmdcstudio.engine.data.DatasetLoader;
import io.mmdcstudio.engine.data.ImageDataset;
import io.mmdcstudio.engine.data.LabelMode;
import io.mmdcstudio.engine.data.LoadOptions;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The data flags shared by {@code train} and {@code baseline}: where the images are and where labels come from. */
final class DataOptions {

    @Option(names = "--data", required = true, paramLabel = "PATH",
            description = "An image folder (searched recursively), an IDX images file, or a folder of IDX files.")
    Path data;

    @Option(names = "--labels", defaultValue = "auto", paramLabel = "auto|none|FILE.csv",
            description = "Ground-truth labels for the metrics only (training never sees them): "
                    + "auto = subfolder names or IDX labels when present; none; or a path,label CSV file. "
                    + "Default: ${DEFAULT-VALUE}.")
    String labels;

    /** Loads the data at the given input size, reporting progress to stderr. */
    ImageDataset load(int inputSize, ConsoleProgress console) throws DataException {
        LabelMode mode = switch (labels) {
            case "auto" -> LabelMode.AUTO;
            case "none" -> LabelMode.NONE;
            default -> LabelMode.CSV;
        };
        Path csv = mode == LabelMode.CSV ? Path.of(labels) : null;
        LoadOptions options = LoadOptions.defaults(inputSize).withLabels(mode, csv);
        return DatasetLoader.load(data, options, console::loading);
    }

    /** Where the labels in {@code dataset} came from, for run.json. */
    String labelSource(ImageDataset dataset) {
        if (!dataset.hasLabels()) {
            return "none";
        }
        if (!labels.equals("auto")) {
            return "csv";
        }
        return !dataset.items().isEmpty() && dataset.items().get(0).contains("#") ? "idx" : "subfolders";
    }
}
