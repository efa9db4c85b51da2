package io.mmdcstudio.engine.map;

import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * Keeps the layout to a share of one core: after each stretch of work (an iteration, the neighbour search) it
 * pauses in proportion to the CPU time that stretch used, so that on average it computes at most {@code cpuShare}
 * of the time. CPU time rather than wall time, so that a stretch slowed down by other programs, or by the process
 * being suspended, doesn't earn a longer pause. Java thread priorities are ignored on Linux, so pausing is the
 * portable way to leave the cores to training.
 */
final class Throttle {

    /** Pauses are cut into slices of at most this much, so that a cancel is noticed quickly. */
    private static final long SLICE_NANOS = TimeUnit.MILLISECONDS.toNanos(20);

    private final double pausePerWork;
    private final Workers workers;
    private final BooleanSupplier stop;
    private long startedWall;
    private long startedCpu;
    private long owed;

    Throttle(double cpuShare, Workers workers, BooleanSupplier stop) {
        this.pausePerWork = 1 / cpuShare - 1;
        this.workers = workers;
        this.stop = stop;
    }

    void begin() {
        if (pausePerWork > 0) {
            startedWall = System.nanoTime();
            startedCpu = workers.cpuNanos();
        }
    }

    /** Pauses for the share of the work since {@link #begin()} that is owed (nothing when the share is 1). */
    void end() {
        if (pausePerWork <= 0) {
            return;
        }
        long cpu = workers.cpuNanos();
        long work = startedCpu >= 0 && cpu >= 0 ? cpu - startedCpu : System.nanoTime() - startedWall;
        owed += (long) (work * pausePerWork);
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
