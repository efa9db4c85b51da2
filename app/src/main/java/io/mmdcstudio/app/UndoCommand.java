package io.mmdcstudio.app;

import io.mmdcstudio.engine.export.ExportJournal;
import io.mmdcstudio.engine.export.ExportReport;
import io.mmdcstudio.engine.export.Undo;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.FileSystemException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code mmdc undo JOURNAL}: puts back every file an export touched, also after a crash or kill. */
@Command(name = "undo", mixinStandardHelpOptions = true,
        description = "Undo an export: moved images go back, copies and links the export made are removed. "
                + "Files changed since the export are kept and reported.")
final class UndoCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "JOURNAL", description = "The journal an export wrote (TARGET/mmdc-export-*.journal.json).")
    Path journalFile;

    @Override
    public Integer call() throws Exception {
        ExportJournal journal = read();
        PrintWriter out = spec.commandLine().getOut();
        if (journal.undoneAt() != null) {
            out.printf(Locale.ROOT, "note: this export was already undone at %s; checking again%n", journal.undoneAt());
        }
        ConsoleProgress console = ConsoleProgress.to(spec.commandLine().getErr());
        ExportReport report = Undo.undo(journalFile, p -> console.files("undo", p), () -> false);
        console.line("");
        Reports.problems(out, report.problems());
        out.printf(Locale.ROOT, "undone: %,d files put back or removed, %,d needed nothing (%s export of %s)%n",
                report.done(), report.unchanged(), journal.mode(), journal.target());
        return report.problems().isEmpty() ? 0 : CliErrors.FAILURE;
    }

    private ExportJournal read() throws IOException {
        try {
            return ExportJournal.read(journalFile);
        } catch (FileSystemException e) {
            throw e;
        } catch (IOException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }
}
