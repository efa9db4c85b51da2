package io.mmdcstudio.engine.data;

import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

/**
 * Runs indexed tasks on a fixed pool of daemon threads and reports each completion on the calling thread, so
 * that progress callbacks never run on a worker. Tasks write their results into slots of their own index, which
 * keeps the order of results fixed whatever the order of completion.
 */
final class Workers {

    /** One unit of work. */
    @FunctionalInterface
    interface Task {
        void run(int index) throws Exception;
    }

    private static final AtomicInteger POOLS = new AtomicInteger();

    private Workers() {
    }

    /**
     * Runs {@code task} for indices {@code 0..count-1} on up to {@code threads} threads.
     *
     * @param completed called on this thread after each task, with the number of tasks finished so far
     * @throws DataException when a task throws one, or when the calling thread is interrupted
     */
    static void run(int threads, int count, Task task, IntConsumer completed) throws DataException {
        if (count == 0) {
            return;
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, count), daemonThreads());
        try {
            CompletionService<Integer> service = new ExecutorCompletionService<>(pool);
            for (int i = 0; i < count; i++) {
                int index = i;
                service.submit(() -> {
                    task.run(index);
                    return index;
                });
            }
            for (int done = 1; done <= count; done++) {
                service.take().get();
                completed.accept(done);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DataException("Loading was interrupted", e);
        } catch (ExecutionException e) {
            throw rethrow(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private static DataException rethrow(Throwable cause) {
        if (cause instanceof DataException de) {
            return de;
        }
        if (cause instanceof RuntimeException re) {
            throw re;
        }
        if (cause instanceof Error error) {
            throw error;
        }
        return new DataException("Loading failed: " + ImageDecoder.SkipReasons.describe(cause), cause);
    }

    private static ThreadFactory daemonThreads() {
        int pool = POOLS.incrementAndGet();
        AtomicInteger thread = new AtomicInteger();
        return runnable -> {
            Thread t = new Thread(runnable, "mmdc-load-" + pool + "-" + thread.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    /** Reports about once per percent, and always the last step, so a listener is never flooded. */
    static IntConsumer throttled(LoadProgress progress, int total, String message) {
        int[] lastPercent = {-1};
        return done -> {
            int percent = (int) (100L * done / total);
            if (percent != lastPercent[0] || done == total) {
                lastPercent[0] = percent;
                progress.update(done, total, message);
            }
        };
    }
}
