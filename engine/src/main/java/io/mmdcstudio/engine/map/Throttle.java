package io.mmdcstudio.engine.map;

import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * Keeps the layout to a share of the wall time by pausing after each stretch of work (an iteration, the neighbour
 * search) in proportion to it. Java thread priorities are ignored on Linux, so pausing is the portable way to
 * leave the cores to training.
 */
final class Throttle {

    /** Pauses are cut into slices of at most this much, so that a cancel is noticed quickly. */
    private static final long SLICE_NANOS = TimeUnit.MILLISECONDS.toNanos(20);

    private final double pausePerWork;
    private final BooleanSupplier stop;
    private long started;
    private long owed;

    Throttle(double cpuShare, BooleanSupplier stop) {
        this.pausePerWork = 1 / cpuShare - 1;
        this.stop = stop;
    }

    void begin() {
        started = System.nanoTime();
    }

    /** Pauses for the share of the work since {@link #begin()} that is owed (nothing when the share is 1). */
    void end() {
        if (pausePerWork <= 0) {
            return;
        }
        owed += (long) ((System.nanoTime() - started) * pausePerWork);
        while (owed > 0 && !stop.getAsBoolean()) {
            long slice = Math.min(owed, SLICE_NANOS);
            long t0 = System.nanoTime();
            try {
                TimeUnit.NANOSECONDS.sleep(slice);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt(); // seen by the caller's stop check
                return;
            }
            owed -= System.nanoTime() - t0;
        }
    }
}
