package io.mmdcstudio.engine.map;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

/**
 * The map's threads: the caller plus {@code threads - 1} daemon helpers of minimum priority (so that on systems
 * that honour Java priorities, training and the user interface win). Work is always cut into a number of chunks
 * that depends on the problem size only; each chunk writes its own output slots, and callers add partial results
 * up in a fixed order, so results are bit-identical whatever the number of threads.
 */
final class Workers implements AutoCloseable {

    private static final AtomicInteger POOLS = new AtomicInteger();

    private static final ThreadMXBean CLOCKS = ManagementFactory.getThreadMXBean();

    private final int threads;
    private final ExecutorService helpers;
    private final List<Thread> helperThreads = new CopyOnWriteArrayList<>();

    Workers(int threads) {
        this.threads = threads;
        this.helpers = threads > 1 ? Executors.newFixedThreadPool(threads - 1, factory()) : null;
    }

    private ThreadFactory factory() {
        int pool = POOLS.incrementAndGet();
        AtomicInteger count = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, "mmdc-map-" + pool + "-" + count.incrementAndGet());
            t.setDaemon(true);
            t.setPriority(Thread.MIN_PRIORITY);
            helperThreads.add(t);
            return t;
        };
    }

    /**
     * CPU time used so far by the calling thread and the helpers, in nanoseconds; -1 where the JVM can't tell
     * (callers then fall back to wall time).
     */
    long cpuNanos() {
        if (!CLOCKS.isCurrentThreadCpuTimeSupported() || !CLOCKS.isThreadCpuTimeEnabled()) {
            return -1;
        }
        long total = CLOCKS.getCurrentThreadCpuTime();
        for (Thread t : helperThreads) {
            total += Math.max(0, CLOCKS.getThreadCpuTime(t.getId()));
        }
        return total;
    }

    int threads() {
        return threads;
    }

    /** Number of chunks of at most {@code size} items that cover {@code n} items. */
    static int chunks(int n, int size) {
        return (n + size - 1) / size;
    }

    /**
     * Runs {@code body} once for every chunk index in {@code [0, chunks)}, on all threads, and returns when all are
     * done. The first failure is rethrown after every chunk has finished or been skipped.
     */
    void forEach(int chunks, IntConsumer body) {
        if (helpers == null || chunks <= 1) {
            for (int c = 0; c < chunks; c++) {
                body.accept(c);
            }
            return;
        }
        AtomicInteger next = new AtomicInteger();
        Runnable drain = () -> {
            for (int c = next.getAndIncrement(); c < chunks; c = next.getAndIncrement()) {
                body.accept(c);
            }
        };
        List<Future<?>> running = new ArrayList<>();
        for (int h = 0; h < Math.min(threads - 1, chunks - 1); h++) {
            running.add(helpers.submit(drain));
        }
        Throwable failure = null;
        try {
            drain.run();
        } catch (RuntimeException | Error e) {
            failure = e;
            next.set(chunks); // let the helpers stop at their next chunk
        }
        failure = awaitAll(running, failure);
        if (failure instanceof RuntimeException e) {
            throw e;
        }
        if (failure instanceof Error e) {
            throw e;
        }
    }

    /** Waits for every helper (uninterruptibly: they finish their chunk soon) and keeps the first failure. */
    private static Throwable awaitAll(List<Future<?>> running, Throwable failure) {
        boolean interrupted = false;
        Throwable first = failure;
        for (Future<?> f : running) {
            while (true) {
                try {
                    f.get();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;
                } catch (ExecutionException e) {
                    first = first == null ? e.getCause() : first;
                    break;
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        return first;
    }

    @Override
    public void close() {
        if (helpers != null) {
            helpers.shutdownNow();
        }
    }
}
