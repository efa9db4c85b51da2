package io.mmdcstudio.app;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** Runs the command line in-process, as scripts call it, and keeps what it printed. */
public final class Cli {

    /** Exit code and the text written to stdout and stderr. */
    public record Outcome(int code, String out, String err) {}

    private Cli() {}

    public static Outcome mmdc(String... args) {
        CommandLine cli = MmdcCommand.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return new Outcome(cli.execute(args), out.toString(), err.toString());
    }
}
