package io.mmdcstudio.app;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import picocli.CommandLine.Option;

/** Where a command writes its run folder. */
final class OutputOptions {

    @Option(names = "--out", paramLabel = "DIR",
            description = "Output folder (created if needed). Default: mmdc-runs/<date-time> in the current folder.")
    Path out;

    Path directory() {
        if (out != null) {
            return out;
        }
        String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        return Path.of("mmdc-runs", stamp);
    }
}
