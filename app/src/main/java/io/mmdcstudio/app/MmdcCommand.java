package io.mmdcstudio.app;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code mmdc} command and its subcommands. */
@Command(
        name = "mmdc",
        mixinStandardHelpOptions = true,
        version = "MMDC Studio 0.1.0",
        description = "Sort a folder of images into groups nobody labelled, with Multi-Modal Deep Clustering.",
        subcommands = {TrainCommand.class, BaselineCommand.class, MapCommand.class, ExportCommand.class,
                UndoCommand.class, CommandLine.HelpCommand.class})
public final class MmdcCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** A configured command line: bad input is one line on stderr and exit code 2. */
    static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new MmdcCommand());
        cli.setExecutionExceptionHandler((ex, line, parsed) -> {
            line.getErr().println("mmdc: " + CliErrors.message(ex));
            return CliErrors.exitCode(ex);
        });
        cli.setParameterExceptionHandler((ex, args) -> {
            CommandLine line = ex.getCommandLine();
            line.getErr().println("mmdc: " + ex.getMessage());
            line.getErr().println("Try '" + line.getCommandSpec().qualifiedName() + " --help' for more information.");
            return 2;
        });
        return cli;
    }
}
