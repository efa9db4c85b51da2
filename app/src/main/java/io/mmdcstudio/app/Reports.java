package io.mmdcstudio.app;

import io.mmdcstudio.engine.data.ImageDataset;
import io.mmdcstudio.engine.data.SkippedFile;
import io.mmdcstudio.engine.export.ExportPlan;
import io.mmdcstudio.engine.results.RunManifest;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** What a command tells the user about skipped files and its result. */
final class Reports {

    private static final int LISTED = 20;

    private Reports() {}

    static void skipped(ConsoleProgress console, ImageDataset data) {
        if (data.skipped().isEmpty()) {
            return;
        }
        console.line(String.format(Locale.ROOT, "skipped %d file(s); every one is listed in run.json:",
                data.skipped().size()));
        for (SkippedFile f : data.skipped().subList(0, Math.min(LISTED, data.skipped().size()))) {
            console.line("  " + f.path() + ": " + f.reason());
        }
        if (data.skipped().size() > LISTED) {
            console.line("  ... and " + (data.skipped().size() - LISTED) + " more");
        }
    }

    /** Lists files an export or undo left alone, with the reason: the first few in full, then a count. */
    static void problems(PrintWriter out, List<ExportPlan.Skipped> problems) {
        if (problems.isEmpty()) {
            return;
        }
        out.printf(Locale.ROOT, "left alone: %d image(s):%n", problems.size());
        for (ExportPlan.Skipped p : problems.subList(0, Math.min(LISTED, problems.size()))) {
            out.println("  " + p.item() + ": " + p.reason());
        }
        if (problems.size() > LISTED) {
            out.println("  ... and " + (problems.size() - LISTED) + " more");
        }
    }

    static void summary(PrintWriter out, RunManifest m, Path dir) {
        out.printf(Locale.ROOT, "%s: %d images into %d clusters%s%n", m.method(), m.data().images(), m.clusters(),
                m.cancelled() ? " (cancelled; result of the completed epochs)" : "");
        out.println("cluster sizes: " + Arrays.toString(m.clusterSizes()));
        if (m.metrics() != null) {
            out.printf(Locale.ROOT, "ACC %.4f  NMI %.4f  ARI %.4f%n", m.metrics().acc(), m.metrics().nmi(),
                    m.metrics().ari());
        }
        out.printf(Locale.ROOT, "time: %.1f s (load %.1f s)%n", m.timings().get("total"), m.timings().get("load"));
        out.println("wrote " + dir.resolve("run.json") + " and " + dir.resolve("assignments.csv"));
        out.flush();
    }
}
