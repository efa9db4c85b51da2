package io.mmdcstudio.app;

import io.mmdcstudio.engine.export.ClusterFolders;
import io.mmdcstudio.engine.export.ExportMode;
import io.mmdcstudio.engine.export.ExportPlan;
import io.mmdcstudio.engine.export.ExportPlanner;
import io.mmdcstudio.engine.export.ExportReport;
import io.mmdcstudio.engine.export.Exporter;
import io.mmdcstudio.engine.results.Assignment;
import io.mmdcstudio.engine.results.ResultFiles;
import io.mmdcstudio.engine.results.RunEdits;
import io.mmdcstudio.engine.results.RunManifest;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code mmdc export}: the images of a run into one folder per cluster, with a dry run and an undo journal. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = {"Put a run's images into TARGET/<cluster name>/, honouring the run's edits (edits.json).",
                "Nothing is ever overwritten: a name clash gets a suffix. An undo journal is written into TARGET "
                        + "before the first file is touched; 'mmdc undo JOURNAL' puts everything back."})
final class ExportCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--run", required = true, paramLabel = "DIR", description = "A run folder (run.json, assignments.csv).")
    Path run;

    @Option(names = "--to", required = true, paramLabel = "TARGET", description = "The folder that receives the cluster folders.")
    Path target;

    @Option(names = "--mode", defaultValue = "copy", paramLabel = "copy|move|link",
            description = "copy (default; the originals stay), move (the originals move; undo moves them back), "
                    + "or link (symbolic links to the originals).")
    String mode;

    @Option(names = "--dry-run", description = "List what would happen, with counts and name clashes; change nothing.")
    boolean dryRun;

    @Override
    public Integer call() throws Exception {
        ExportMode exportMode = ExportMode.parse(mode);
        RunManifest manifest = RunFolders.manifest(run);
        List<Assignment> rows = RunFolders.assignments(run);
        RunEdits edits = RunFolders.edits(run);
        ExportPlan plan = ExportPlanner.plan(rows, manifest.clusters(), edits, target, exportMode, Path.of(""));
        PrintWriter out = spec.commandLine().getOut();
        if (dryRun) {
            printPlan(out, plan, true);
            return 0;
        }
        if (plan.operations().isEmpty()) {
            throw new IllegalArgumentException("nothing to export: " + plan.skipped().size()
                    + " images could not be exported" + firstReason(plan));
        }
        printPlan(out, plan, false);
        ConsoleProgress console = ConsoleProgress.to(spec.commandLine().getErr());
        List<String> folders = ClusterFolders.of(manifest.clusters(), edits);
        ExportReport report = Exporter.execute(plan, rows, folders, run, p -> console.files(exportMode.label(), p),
                () -> false);
        console.line("");
        Reports.problems(out, report.problems());
        out.printf(Locale.ROOT, "%s %,d images into %s%n", past(exportMode), report.done(), plan.target());
        out.printf(Locale.ROOT, "undo journal: %s%nto undo: mmdc undo %s%n", report.journal(), quote(report.journal()));
        return report.problems().isEmpty() ? 0 : CliErrors.FAILURE;
    }

    private static void printPlan(PrintWriter out, ExportPlan plan, boolean listEach) {
        String verb = plan.mode().label();
        if (listEach) {
            for (ExportPlan.Operation op : plan.operations()) {
                out.printf(Locale.ROOT, "%s %s -> %s%s%n", verb, op.source(), op.destination(),
                        op.renamed() ? "  (renamed: name clash)" : "");
            }
        }
        out.printf(Locale.ROOT, "%s%s %,d images (%s) into %s, %d folders:%n", listEach ? "dry run: would " : "",
                verb, plan.operations().size(), megabytes(plan.bytes()), plan.target(),
                plan.perFolder().values().stream().filter(n -> n > 0).count());
        for (Map.Entry<String, Integer> e : plan.perFolder().entrySet()) {
            if (e.getValue() == 0) {
                continue; // an empty or merged-away cluster gets no folder
            }
            out.printf(Locale.ROOT, "  %-24s %,7d%n", e.getKey() + "/", e.getValue());
        }
        out.printf(Locale.ROOT, "name clashes: %d (%s)%n", plan.renamedCount(),
                plan.renamedCount() == 0 ? "none" : "each gets a -2, -3, ... suffix; nothing is overwritten");
        Reports.problems(out, plan.skipped());
        if (listEach) {
            out.println("nothing was changed (dry run)");
        }
    }

    private static String firstReason(ExportPlan plan) {
        return plan.skipped().isEmpty() ? "" : " (e.g. " + plan.skipped().get(0).item() + ": "
                + plan.skipped().get(0).reason() + ")";
    }

    private static String past(ExportMode mode) {
        return switch (mode) {
            case COPY -> "copied";
            case MOVE -> "moved";
            case LINK -> "linked";
        };
    }

    static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / 1e6);
    }

    static String quote(Path p) {
        String s = p.toString();
        return s.matches("[A-Za-z0-9_./=:@+-]+") ? s : "'" + s.replace("'", "'\\''") + "'";
    }
}
