package io.mmdcstudio.views.fx;

import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * Processes values on a worker, skipping any that a newer value overtook while the worker was busy.
 *
 * <p>Used for per-epoch analysis (projection, gallery order, confusion table): when the worker is slower than the
 * run, there is no point in drawing epoch 5 once epoch 6 is known. Values are taken in submission order, so the
 * last value submitted is always processed, and processed last.
 *
 * @param <T> the value type
 */
public final class LatestOnly<T> {

    private final Executor worker;
    private final Consumer<T> action;
    private final Object lock = new Object();
    private T latest;
    private boolean scheduled;

    /** Runs {@code action} on {@code worker} (which must run tasks one at a time, in order). */
    public LatestOnly(Executor worker, Consumer<T> action) {
        this.worker = Objects.requireNonNull(worker, "worker");
        this.action = Objects.requireNonNull(action, "action");
    }

    /** Submits a value; a value submitted earlier and not yet started is dropped. */
    public void submit(T value) {
        Objects.requireNonNull(value, "value");
        boolean schedule;
        synchronized (lock) {
            latest = value;
            schedule = !scheduled;
            scheduled = true;
        }
        if (schedule) {
            worker.execute(this::drain);
        }
    }

    /**
     * Whether a value is waiting and {@code test} holds for it: work on the current value may then be abandoned.
     * Thread-safe.
     */
    public boolean waiting(java.util.function.Predicate<? super T> test) {
        synchronized (lock) {
            return latest != null && test.test(latest);
        }
    }

    private void drain() {
        while (true) {
            T value;
            synchronized (lock) {
                value = latest;
                latest = null;
                if (value == null) {
                    scheduled = false;
                    return;
                }
            }
            action.accept(value);
        }
    }
}
