package io.mmdcstudio.app;

import picocli.CommandLine;

/**
 * Entry point of {@code ./mmdc}. Deliberately not a JavaFX {@code Application}: with JavaFX on the class path a
 * main class that extends it fails to start ("JavaFX runtime components are missing").
 */
public final class Main {

    private Main() {}

    public static void main(String[] args) {
        // DJL must never download anything: the launcher ships the PyTorch natives.
        System.setProperty("ai.djl.offline", System.getProperty("ai.djl.offline", "true"));
        System.exit(run(args));
    }

    /** Runs the command line and returns its exit code (0 success, 1 failure, 2 bad input or usage). */
    public static int run(String... args) {
        CommandLine cli = MmdcCommand.commandLine();
        if (args.length == 0) {
            // The desktop window opens here once it exists; until then, show what the command line offers.
            cli.usage(cli.getOut());
            return 0;
        }
        return cli.execute(args);
    }
}
