package io.mmdcstudio.views.fx;

import javafx.animation.AnimationTimer;

/**
 * Measures how long the FX thread goes without rendering: the longest gap between two pulses while it runs.
 *
 * <p>An {@link AnimationTimer} asks for a pulse every frame (about 60 a second), so any gap well above 17 ms
 * means the FX thread was busy (our code, layout, or a garbage-collection pause) and the window could not
 * repaint. Start it when a run starts; the figure is what a user would feel as a freeze.
 */
public final class StallMonitor {

    /** Gaps above this count as a stall a person notices. */
    public static final double NOTICEABLE_MS = 50;

    private final AnimationTimer timer = new AnimationTimer() {
        @Override
        public void handle(long now) {
            if (last != 0) {
                long gap = now - last;
                if (gap > maxGapNanos) {
                    maxGapNanos = gap;
                    maxGapFrame = pulses;
                }
                if (gap > NOTICEABLE_MS * 1e6) {
                    noticeable++;
                    if (stalls.size() < MAX_RECORDED) {
                        stalls.add(new Stall((last - started) / 1e6, gap / 1e6, pulses));
                    }
                }
                pulses++;
            }
            last = now;
        }
    };
    /** At most this many stalls are kept with their time. */
    private static final int MAX_RECORDED = 100;

    /**
     * One stall.
     *
     * @param atMillis when the frame before it was drawn, in milliseconds since {@link #start()}
     * @param gapMillis how long the window went without a frame
     * @param frame the frames drawn since {@link #start()} before the gap (0: the gap follows the first frame, the
     *              one that answers the command that started the measurement)
     */
    public record Stall(double atMillis, double gapMillis, long frame) {}

    private final java.util.List<Stall> stalls = new java.util.ArrayList<>();
    private long started;
    private long last;
    private long maxGapNanos;
    private long maxGapFrame;
    private long pulses;
    private long noticeable;

    /** Starts measuring from zero. FX thread only. */
    public void start() {
        started = System.nanoTime();
        stalls.clear();
        last = 0;
        maxGapNanos = 0;
        maxGapFrame = 0;
        pulses = 0;
        noticeable = 0;
        timer.start();
    }

    /** Stops measuring; the figures stay readable. FX thread only. */
    public void stop() {
        timer.stop();
    }

    /** The longest gap between two pulses since {@link #start()}, in milliseconds. */
    public double maxGapMillis() {
        return maxGapNanos / 1e6;
    }

    /** The frames drawn since {@link #start()} before the longest gap (0: right after the first frame). */
    public long longestGapFrame() {
        return maxGapFrame;
    }

    /** Pulses counted since {@link #start()}. */
    public long pulses() {
        return pulses;
    }

    /** Milliseconds from {@link #start()} to the last pulse counted, 0 before the first pulse. */
    public double measuredMillis() {
        return last == 0 ? 0 : (last - started) / 1e6;
    }

    /** The first stalls over {@link #NOTICEABLE_MS} since {@link #start()}, with when they happened. FX thread. */
    public java.util.List<Stall> stalls() {
        return java.util.List.copyOf(stalls);
    }

    /** Gaps longer than {@link #NOTICEABLE_MS} since {@link #start()}. */
    public long noticeableStalls() {
        return noticeable;
    }
}
