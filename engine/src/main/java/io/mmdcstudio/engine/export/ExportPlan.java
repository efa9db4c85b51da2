package io.mmdcstudio.engine.export;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What an export will do, decided before any file is touched: the dry run prints it, the export carries it out.
 *
 * @param target     the folder that receives one subfolder per cluster
 * @param mode       copy, move or link
 * @param operations one per image, in the order they will run
 * @param skipped    images that cannot be exported, with the reason (e.g. missing, or an IDX record)
 * @param perFolder  images per cluster folder, in cluster order
 * @param bytes      total size of the images to export
 */
public record ExportPlan(Path target, ExportMode mode, List<Operation> operations, List<Skipped> skipped,
        Map<String, Integer> perFolder, long bytes) {

    public ExportPlan {
        operations = List.copyOf(operations);
        skipped = List.copyOf(skipped);
        perFolder = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(perFolder));
    }

    /**
     * One image's way into its folder.
     *
     * @param item        the image as assignments.csv names it
     * @param source      the image file (absolute)
     * @param destination where it goes (absolute)
     * @param cluster     its cluster after the person's edits
     * @param renamed     whether its name got a suffix because of a clash
     */
    public record Operation(String item, Path source, Path destination, int cluster, boolean renamed) {}

    /** An image left out, and why. */
    public record Skipped(String item, String reason) {}

    /** How many destinations got a suffix to avoid a name clash. */
    public long renamedCount() {
        return operations.stream().filter(Operation::renamed).count();
    }
}
