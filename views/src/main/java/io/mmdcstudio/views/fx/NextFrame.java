package io.mmdcstudio.views.fx;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import javafx.animation.AnimationTimer;

/**
 * Runs tasks on the FX thread once the window has drawn the frame it is preparing: a way to spread one command's
 * changes to the screen over two frames. Pressing Start changes the buttons and the settings sheet, empties four
 * charts and three tabs, and starts the run; done in one frame, its layout and (software) rendering took longer
 * than a person notices (docs/BENCHMARKS.md, section 6). With the cheap, visible part now and the rest a frame
 * later, each frame stays short, and the second follows within about 17 ms.
 *
 * <p>FX thread only. Tasks run in the order given, in the animation phase of a later pulse: never in the pulse
 * that is being prepared when {@link #execute} is called.
 */
public final class NextFrame implements Executor {

    private final List<Runnable> tasks = new ArrayList<>();
    private final AnimationTimer timer = new AnimationTimer() {
        @Override
        public void handle(long now) {
            // The first pulse after execute() draws what the caller changed; the tasks go into a later one.
            if (pulsesToSkip-- > 0) {
                return;
            }
            stop();
            List<Runnable> due = List.copyOf(tasks);
            tasks.clear();
            due.forEach(Runnable::run);
        }
    };
    private final int framesBetween;
    private int pulsesToSkip;

    /** Runs tasks after the frame being prepared has been drawn. */
    public NextFrame() {
        this(1);
    }

    /**
     * Runs tasks after {@code framesBetween} frames (at least 1) have been drawn: the frame being prepared and as
     * many after it as needed to leave room for other deferred work in between.
     */
    public NextFrame(int framesBetween) {
        if (framesBetween < 1) {
            throw new IllegalArgumentException("framesBetween must be at least 1, not " + framesBetween);
        }
        this.framesBetween = framesBetween;
    }

    @Override
    public void execute(Runnable task) {
        tasks.add(task);
        pulsesToSkip = framesBetween;
        timer.start();
    }
}
