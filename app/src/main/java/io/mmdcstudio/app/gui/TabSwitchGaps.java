package io.mmdcstudio.app.gui;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.animation.AnimationTimer;

/**
 * For the screenshot director's {@code cycle} mode: the longest gap between frames in the few frames after each
 * tab switch, so that a run's switches can be told apart (the window's stall monitor keeps only the run's longest
 * gap). A switch's own work lands in the frame it is made in and, for the gallery, a few after. FX thread only.
 */
final class TabSwitchGaps {

    /** Frames after a switch whose gaps count towards it. */
    static final int FRAMES = 6;

    /** One switch: the tab it showed and the longest gap in the {@value #FRAMES} frames after it. */
    record Switch(String tab, double longestGapMillis) {}

    private final List<Switch> switches = new ArrayList<>();
    private final AnimationTimer timer = new AnimationTimer() {
        @Override
        public void handle(long now) {
            if (last != 0 && framesLeft > 0) {
                longest = Math.max(longest, (now - last) / 1e6);
                if (--framesLeft == 0) {
                    switches.add(new Switch(tab, longest));
                }
            }
            last = now;
        }
    };
    private long last;
    private int framesLeft;
    private double longest;
    private String tab;

    /** Starts watching frames. */
    void start() {
        timer.start();
    }

    /** Stops watching; a switch still being measured is left out. */
    void stop() {
        timer.stop();
        framesLeft = 0;
    }

    /** Call right after selecting {@code shown}. */
    void switched(String shown) {
        if (framesLeft > 0) {
            switches.add(new Switch(tab, longest)); // the next switch came first: measured as far as it got
        }
        tab = shown;
        longest = 0;
        framesLeft = FRAMES;
    }

    /** The switches measured so far, as "Clusters 27.1, Map 24.0, ..." in milliseconds. */
    String summary() {
        return String.join(", ", switches.stream()
                .map(s -> String.format(Locale.ROOT, "%s %.1f", s.tab(), s.longestGapMillis())).toList());
    }

    /** Forgets the switches measured so far. */
    void clear() {
        switches.clear();
    }
}
