package io.mmdcstudio.app;

import io.mmdcstudio.app.gui.StudioLauncher;
import picocli.CommandLine;

/**
 * Entry point of {@code ./mmdc}: no arguments open the desktop window, anything else is the command line.
 * Deliberately not a JavaFX {@code Application}: with JavaFX on the class path a main class that extends it
 * fails to start ("JavaFX runtime components are missing"); {@link StudioLauncher} starts it instead.
 */
public final class Main {

    private Main() {}

    public static void main(String[] args) {
        // DJL must never download anything: the launcher ships the PyTorch natives.
        System.setProperty("ai.djl.offline", System.getProperty("ai.djl.offline", "true"));
        if (args.length == 0) {
            StudioLauncher.launch();
            // Returns when the window closes; exit even if a library left a non-daemon thread behind.
            System.exit(0);
        }
        System.exit(run(args));
    }

    /**
     * Runs the command line and returns its exit code (0 success, 1 failure, 2 bad input or usage). Without
     * arguments it prints the usage: the window is {@link #main}'s business, not the command line's.
     */
    public static int run(String... args) {
        CommandLine cli = MmdcCommand.commandLine();
        if (args.length == 0) {
            cli.usage(cli.getOut());
            return 0;
        }
        return cli.execute(args);
    }
}
