package io.mmdcstudio.engine.export;

import io.mmdcstudio.engine.results.Assignment;
import io.mmdcstudio.engine.results.RunEdits;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Plans an export: which file goes to which folder under which name. Reads the file system, writes nothing.
 * A destination never replaces anything: a name already taken on disk or by an earlier image of the same plan
 * gets a suffix ({@code photo-2.jpg}). Images that are not files (IDX records) or no longer exist are skipped
 * with their reason.
 */
public final class ExportPlanner {

    private ExportPlanner() {}

    /**
     * The plan for exporting {@code rows} (a run's assignments) with {@code edits} applied.
     *
     * @param k       the run's number of clusters
     * @param baseDir the folder that relative item paths are relative to (the one the run was started from)
     */
    public static ExportPlan plan(List<Assignment> rows, int k, RunEdits edits, Path target, ExportMode mode,
            Path baseDir) throws IOException {
        Path root = target.toAbsolutePath().normalize();
        if (Files.exists(root) && !Files.isDirectory(root)) {
            throw new IllegalArgumentException("export target is a file, not a folder: " + target);
        }
        List<String> folders = ClusterFolders.of(k, edits);
        Map<String, Integer> perFolder = new LinkedHashMap<>();
        folders.forEach(f -> perFolder.put(f, 0));
        Set<Path> taken = new HashSet<>();
        List<ExportPlan.Operation> ops = new ArrayList<>(rows.size());
        List<ExportPlan.Skipped> skipped = new ArrayList<>();
        long bytes = 0;
        for (Assignment row : rows) {
            int cluster = edits.clusterOf(row.item(), row.cluster());
            String problem = problem(row, cluster, k, baseDir);
            if (problem != null) {
                skipped.add(new ExportPlan.Skipped(row.item(), problem));
                continue;
            }
            Path source = baseDir.resolve(row.item()).toAbsolutePath().normalize();
            if (source.startsWith(root)) {
                skipped.add(new ExportPlan.Skipped(row.item(), "already inside the export folder"));
                continue;
            }
            Path folder = root.resolve(folders.get(cluster));
            Path wanted = folder.resolve(source.getFileName().toString());
            Path destination = free(wanted, taken);
            ops.add(new ExportPlan.Operation(row.item(), source, destination, cluster, !destination.equals(wanted)));
            perFolder.merge(folders.get(cluster), 1, Integer::sum);
            bytes += Files.size(source);
        }
        return new ExportPlan(root, mode, ops, skipped, perFolder, bytes);
    }

    /** Why this row cannot be exported, or null when it can. */
    private static String problem(Assignment row, int cluster, int k, Path baseDir) {
        if (cluster < 0 || cluster >= k) {
            return "cluster " + cluster + " is not one of the run's " + k + " clusters";
        }
        Path source = baseDir.resolve(row.item());
        if (!Files.exists(source, LinkOption.NOFOLLOW_LINKS) && row.item().contains("#")) {
            return "an IDX record, not a file of its own (its cluster is in assignments.csv)";
        }
        if (!Files.isRegularFile(source)) {
            return Files.exists(source, LinkOption.NOFOLLOW_LINKS) ? "not a regular file" : "missing (moved or deleted)";
        }
        if (!Files.isReadable(source)) {
            return "unreadable (permission denied)";
        }
        return null;
    }

    /** {@code wanted}, or {@code name-2.ext}, {@code name-3.ext}, ...: the first not on disk and not yet planned. */
    static Path free(Path wanted, Set<Path> taken) {
        String file = wanted.getFileName().toString();
        int dot = file.lastIndexOf('.');
        String stem = dot > 0 ? file.substring(0, dot) : file;
        String ext = dot > 0 ? file.substring(dot) : "";
        Path candidate = wanted;
        for (int n = 2; taken.contains(key(candidate)) || Files.exists(candidate, LinkOption.NOFOLLOW_LINKS); n++) {
            candidate = wanted.resolveSibling(stem + "-" + n + ext);
        }
        taken.add(key(candidate));
        return candidate;
    }

    /** Names that differ only in case clash on Windows and macOS; plan as if they always did. */
    private static Path key(Path p) {
        return Path.of(p.toString().toLowerCase(Locale.ROOT));
    }
}
