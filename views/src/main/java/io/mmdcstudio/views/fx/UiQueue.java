package io.mmdcstudio.views.fx;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executor;

/**
 * Hands updates from worker threads to the UI thread with at most one pending hand-over at any time.
 *
 * <p>A training run produces events far faster than a screen needs them. Posting each one with
 * {@code Platform.runLater} would flood the FX event queue and stall rendering; instead updates collect here and
 * one drain applies all of them. Keyed updates replace an earlier, not yet applied update of the same key (only
 * the latest progress matters); appended updates are all applied, in order (every chart point matters).
 *
 * <p>Thread-safe. The UI executor is {@code Platform::runLater} in the application and a same-thread executor in
 * view-model tests, where {@link #replace} and {@link #append} then apply the update before returning.
 */
public final class UiQueue {

    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

    private final Executor ui;
    private final Object lock = new Object();
    private final Map<Object, Runnable> pending = new LinkedHashMap<>();
    private boolean scheduled;
    private long drains;
    private long longestDrainNanos;
    private long longestDrainCpuNanos;

    /** A queue draining on {@code ui}. */
    public UiQueue(Executor ui) {
        this.ui = Objects.requireNonNull(ui, "ui");
    }

    /** Queues {@code update} under {@code key}, dropping a pending update with the same key. */
    public void replace(Object key, Runnable update) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(update, "update");
        boolean schedule;
        synchronized (lock) {
            pending.put(key, update);
            schedule = !scheduled;
            scheduled = true;
        }
        if (schedule) {
            ui.execute(this::drain);
        }
    }

    /** Queues {@code update}; it runs after everything queued before it. */
    public void append(Runnable update) {
        replace(new Object(), update);
    }

    /** How many times the queue has been drained so far (for tests and diagnostics). */
    public long drains() {
        synchronized (lock) {
            return drains;
        }
    }

    /**
     * The longest time one drain spent applying updates since the last {@link #resetLongestDrain()}, in
     * milliseconds: the share of an FX-thread stall that is this window's own work (the rest is rendering,
     * garbage collection, or the thread waiting for a CPU).
     */
    public double longestDrainMillis() {
        synchronized (lock) {
            return longestDrainNanos / 1e6;
        }
    }

    /**
     * The CPU time of the longest drain (by CPU time) since the last {@link #resetLongestDrain()}, in milliseconds:
     * the work itself, without the time the thread waited for a processor on a busy machine.
     */
    public double longestDrainCpuMillis() {
        synchronized (lock) {
            return longestDrainCpuNanos / 1e6;
        }
    }

    /** Starts measuring {@link #longestDrainMillis()} and {@link #longestDrainCpuMillis()} afresh. */
    public void resetLongestDrain() {
        synchronized (lock) {
            longestDrainNanos = 0;
            longestDrainCpuNanos = 0;
        }
    }

    private void drain() {
        List<Runnable> batch;
        synchronized (lock) {
            batch = new ArrayList<>(pending.values());
            pending.clear();
            scheduled = false;
            drains++;
        }
        long t0 = System.nanoTime();
        long c0 = CPU.getCurrentThreadCpuTime();
        for (Runnable update : batch) {
            update.run();
        }
        long took = System.nanoTime() - t0;
        long cpu = CPU.getCurrentThreadCpuTime() - c0;
        synchronized (lock) {
            longestDrainNanos = Math.max(longestDrainNanos, took);
            longestDrainCpuNanos = Math.max(longestDrainCpuNanos, cpu);
        }
    }
}
