package io.mmdcstudio.engine.export;

import io.mmdcstudio.engine.io.AtomicFiles;
import io.mmdcstudio.engine.io.Json;
import io.mmdcstudio.engine.results.Assignment;
import io.mmdcstudio.engine.results.ResultFiles;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * Carries out an {@link ExportPlan}: writes the undo journal, creates the cluster folders, then copies, moves or
 * links one file at a time, checking for cancellation between files. A file that fails (its name was taken
 * meanwhile, permission denied) is reported and left where it was; the others go on.
 */
public final class Exporter {

    /** Assignments with cluster names, written into the export folder: CSV. */
    public static final String ASSIGNMENTS_CSV = "mmdc-assignments.csv";
    /** The same as JSON. */
    public static final String ASSIGNMENTS_JSON = "mmdc-assignments.json";

    private Exporter() {}

    /** A fresh journal name in the export folder, e.g. {@code mmdc-export-20261204-210501.journal.json}. */
    public static Path journalFile(Path target, Instant now) {
        String stamp = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT).withZone(ZoneOffset.UTC).format(now);
        return ExportPlanner.free(target.toAbsolutePath().normalize().resolve("mmdc-export-" + stamp + ".journal.json"),
                new java.util.HashSet<>());
    }

    /**
     * Exports as planned.
     *
     * @param rows      the run's assignments, for the named CSV and JSON written beside the images
     * @param folders   the folder name of each cluster
     * @param run       the run folder (recorded in the journal)
     * @param cancelled polled between files
     */
    public static ExportReport execute(ExportPlan plan, List<Assignment> rows, List<String> folders, Path run,
            ExportProgress.Listener listener, BooleanSupplier cancelled) throws IOException {
        Path target = plan.target();
        List<String> created = foldersToCreate(plan);
        Files.createDirectories(target);
        Path journalFile = journalFile(target, Instant.now());
        ExportJournal journal = journal(plan, run, created);
        journal.write(journalFile); // before the first file is touched
        for (String folder : created) {
            Files.createDirectories(Path.of(folder));
        }
        List<ExportPlan.Skipped> problems = new ArrayList<>();
        Map<String, Path> exported = new HashMap<>();
        long t0 = System.nanoTime();
        int done = 0;
        boolean stopped = false;
        for (ExportPlan.Operation op : plan.operations()) {
            if (cancelled.getAsBoolean()) {
                stopped = true;
                break;
            }
            try {
                perform(plan.mode(), op);
                exported.put(op.item(), op.destination());
            } catch (IOException e) {
                problems.add(new ExportPlan.Skipped(op.item(), "left in place: " + describe(e)));
            }
            done++;
            listener.onProgress(ExportProgress.of(done, plan.operations().size(), System.nanoTime() - t0));
        }
        writeAssignments(target, rows, folders, plan, exported);
        if (!stopped) {
            journal.completed(Instant.now().toString()).write(journalFile);
        }
        return new ExportReport(exported.size(), 0, problems, stopped, journalFile);
    }

    private static void perform(ExportMode mode, ExportPlan.Operation op) throws IOException {
        switch (mode) {
            case COPY -> FileSteps.copy(op.source(), op.destination());
            case MOVE -> FileSteps.move(op.source(), op.destination());
            case LINK -> Files.createSymbolicLink(op.destination(), op.source());
        }
    }

    private static String describe(IOException e) {
        if (e instanceof java.nio.file.FileAlreadyExistsException) {
            return "its destination name was taken after planning: " + e.getMessage();
        }
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied: " + e.getMessage();
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    /** The cluster folders that do not exist yet, parents first. */
    private static List<String> foldersToCreate(ExportPlan plan) {
        List<String> created = new ArrayList<>();
        if (!Files.isDirectory(plan.target())) {
            created.add(plan.target().toString());
        }
        plan.operations().stream().map(op -> op.destination().getParent()).distinct()
                .filter(dir -> !Files.isDirectory(dir)).forEach(dir -> created.add(dir.toString()));
        return created;
    }

    private static ExportJournal journal(ExportPlan plan, Path run, List<String> created) {
        List<ExportJournal.Entry> entries = plan.operations().stream()
                .map(op -> new ExportJournal.Entry(op.source().toString(), op.destination().toString())).toList();
        List<String> extra = List.of(plan.target().resolve(ASSIGNMENTS_CSV).toString(),
                plan.target().resolve(ASSIGNMENTS_JSON).toString());
        return new ExportJournal(ExportJournal.FORMAT, ExportJournal.FORMAT_VERSION, plan.mode().label(),
                plan.target().toString(), run == null ? null : run.toAbsolutePath().toString(),
                Instant.now().toString(), entries, created, extra, null, null);
    }

    /** One exported image as the named assignments list it. */
    public record NamedAssignment(String item, int cluster, String name, double confidence, String label,
            String exportedTo) {}

    private static void writeAssignments(Path target, List<Assignment> rows, List<String> folders, ExportPlan plan,
            Map<String, Path> exported) throws IOException {
        Map<String, Integer> effective = new LinkedHashMap<>();
        plan.operations().forEach(op -> effective.put(op.item(), op.cluster()));
        List<NamedAssignment> named = new ArrayList<>(rows.size());
        for (Assignment r : rows) {
            int c = effective.getOrDefault(r.item(), r.cluster());
            Path to = exported.get(r.item());
            named.add(new NamedAssignment(r.item(), c, c >= 0 && c < folders.size() ? folders.get(c) : "", r.confidence(),
                    r.label(), to == null ? null : to.toString()));
        }
        AtomicFiles.write(target.resolve(ASSIGNMENTS_CSV), out -> csv(out, named));
        AtomicFiles.write(target.resolve(ASSIGNMENTS_JSON), Json.mapper().writeValueAsBytes(named));
    }

    private static void csv(java.io.OutputStream out, List<NamedAssignment> rows) throws IOException {
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        w.write("item,cluster,name,confidence,label,exported_to\n");
        for (NamedAssignment r : rows) {
            w.write(String.join(",", ResultFiles.csvField(r.item()), Integer.toString(r.cluster()), ResultFiles.csvField(r.name()),
                    String.format(Locale.ROOT, "%.4f", r.confidence()), ResultFiles.csvField(r.label()),
                    ResultFiles.csvField(r.exportedTo())));
            w.write('\n');
        }
        w.flush();
    }
}
