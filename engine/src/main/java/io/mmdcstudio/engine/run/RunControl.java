package io.mmdcstudio.engine.run;

/**
 * Cooperative pause, resume and cancel, checked by the run between batches. Thread-safe: any thread may call
 * these while the run's thread works. Cancelling ends the run with a result marked cancelled; it never throws.
 */
public final class RunControl {

    private final Object lock = new Object();
    private boolean paused;
    private volatile boolean cancelled;
    private volatile boolean pauseAfterEpoch;

    /** Asks the run to stop at the next batch boundary. */
    public void cancel() {
        cancelled = true;
        synchronized (lock) {
            lock.notifyAll();
        }
    }

    /** Whether cancel was asked for. */
    public boolean isCancelled() {
        return cancelled;
    }

    /** Holds the run at the next batch boundary until {@link #resume()} or {@link #cancel()}. */
    public void pause() {
        synchronized (lock) {
            paused = true;
        }
    }

    /** Lets a paused run go on. */
    public void resume() {
        synchronized (lock) {
            paused = false;
            lock.notifyAll();
        }
    }

    /** Whether the run is (or will be, at the next boundary) held. */
    public boolean isPaused() {
        synchronized (lock) {
            return paused;
        }
    }

    /** Step mode: pause automatically after every epoch, so a class can look before going on. */
    public void setPauseAfterEpoch(boolean on) {
        pauseAfterEpoch = on;
    }

    /** Called by the run after an epoch: pauses when step mode is on. */
    void epochBoundary() {
        if (pauseAfterEpoch) {
            pause();
        }
        checkpoint();
    }

    /**
     * Called by the run between batches: blocks while paused; returns true when the run should stop.
     */
    boolean checkpoint() {
        synchronized (lock) {
            while (paused && !cancelled) {
                try {
                    lock.wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    cancelled = true;
                }
            }
        }
        return cancelled;
    }
}
