package io.mmdcstudio.engine.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
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
            return renice(nice, List.of(tid));
        } catch (IOException | RuntimeException e) {
            return false; // no renice on this system: the Java priority is all we can do
        }
    }

    /**
     * Lowers every thread of this process whose name starts with one of {@code prefixes} (as the operating system
     * knows it: {@code /proc/self/task/TID/comm}, at most 15 characters) to nice value {@code nice}; returns how
     * many were lowered. For threads this code does not start, such as the JIT compiler's: threads they start later
     * inherit the value. 0 where the system has no {@code /proc} or no {@code renice}.
     */
    public static int lowerThreadsNamed(int nice, String... prefixes) {
        if (nice < 1 || nice > 19) {
            throw new IllegalArgumentException("nice must lie in 1..19, not " + nice);
        }
        List<String> tids = new ArrayList<>();
        try (var tasks = Files.list(Path.of("/proc/self/task"))) {
            for (Path task : (Iterable<Path>) tasks::iterator) {
                String name = readComm(task);
                if (Arrays.stream(prefixes).anyMatch(name::startsWith)) {
                    tids.add(task.getFileName().toString());
                }
            }
        } catch (IOException | RuntimeException e) {
            return 0; // no /proc: nothing to lower
        }
        return tids.isEmpty() ? 0 : renice(nice, tids) ? tids.size() : 0;
    }

    private static String readComm(Path task) {
        try {
            return Files.readString(task.resolve("comm")).strip();
        } catch (IOException e) {
            return ""; // the thread ended meanwhile
        }
    }

    private static boolean renice(int nice, List<String> tids) {
        List<String> command = new ArrayList<>(List.of("renice", "-n",
                Integer.toString(nice), "-p"));
        command.addAll(tids);
        try {
            Process renice = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return renice.waitFor(5, TimeUnit.SECONDS) && renice.exitValue() == 0;
        } catch (IOException | RuntimeException e) {
            return false; // no renice on this system
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
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }
}
