package io.mmdcstudio.engine.io;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Puts the calling thread at the lowest CPU priority, so that work beside training (the map, analyses) uses only
 * what training leaves idle. A throttle alone is not enough on two cores: PyTorch splits each step over every
 * core and waits for its slowest thread, so a map thread that preempts one of them for a few milliseconds stalls
 * both (measured: a map throttled to 0.05 of a core still cost training 11%; docs/BENCHMARKS.md, section 5).
 *
 * <p>On Linux the thread's nice value becomes 19 ({@code renice} on its thread id: Java has no API for it, and
 * {@link Thread#setPriority} is ignored there); threads it starts later inherit it. Elsewhere only the Java
 * priority is lowered. Lowering is one-way: an unprivileged process cannot raise it again, so call this only on
 * threads dedicated to background work.
 */
public final class BackgroundPriority {

    private static final Path THREAD_SELF = Path.of("/proc/thread-self");

    private BackgroundPriority() {}

    /** Lowers the calling thread's priority; returns whether the operating system's priority was lowered. */
    public static boolean lowerCurrentThread() {
        return lowerCurrentThread(19);
    }

    /**
     * Lowers the calling thread to nice value {@code nice} (1..19 on Linux; 19 is the lowest priority); returns
     * whether the operating system's priority was changed.
     */
    public static boolean lowerCurrentThread(int nice) {
        if (nice < 1 || nice > 19) {
            throw new IllegalArgumentException("nice must lie in 1..19, not " + nice);
        }
        Thread.currentThread().setPriority(nice >= 10 ? Thread.MIN_PRIORITY : Thread.NORM_PRIORITY - 1);
        try {
            if (!Files.isSymbolicLink(THREAD_SELF)) {
                return false;
            }
            String link = Files.readSymbolicLink(THREAD_SELF).toString(); // "<pid>/task/<tid>"
            String tid = link.substring(link.lastIndexOf('/') + 1);
            Process renice = new ProcessBuilder("renice", "-n", Integer.toString(nice), "-p", tid).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return renice.waitFor(5, TimeUnit.SECONDS) && renice.exitValue() == 0;
        } catch (java.io.IOException | RuntimeException e) {
            return false; // no renice on this system: the Java priority is all we can do
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The calling thread's nice value on Linux, or 0 where it cannot be read. */
    public static int currentNice() {
        try {
            String stat = Files.readString(THREAD_SELF.resolve("stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Integer.parseInt(fields[16]); // field 19 of stat; fields after the name start at field 3
        } catch (java.io.IOException | RuntimeException e) {
            return 0;
        }
    }
}
