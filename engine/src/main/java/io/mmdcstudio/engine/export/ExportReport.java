package io.mmdcstudio.engine.export;

import java.nio.file.Path;
import java.util.List;

/**
 * What an export or an undo did.
 *
 * @param done      files exported (or, for undo, put back / removed)
 * @param unchanged files that needed nothing (undo: steps the export never reached)
 * @param problems  files left alone, with the reason; nothing is lost, the reason says where the file is
 * @param cancelled whether it stopped early on request
 * @param journal   the undo journal
 */
public record ExportReport(int done, int unchanged, List<ExportPlan.Skipped> problems, boolean cancelled,
        Path journal) {

    public ExportReport {
        problems = List.copyOf(problems);
    }
}
