package io.mmdcstudio.views.fx;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class UiQueueTest {

    private final List<Runnable> pending = new ArrayList<>();
    private final UiQueue queue = new UiQueue(pending::add);

    @Test
    void manyUpdatesWaitForOneHandOverAndRunInOrder() {
        List<Integer> applied = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            int n = i;
            queue.append(() -> applied.add(n));
        }
        assertEquals(1, pending.size());
        pending.remove(0).run();
        assertEquals(100, applied.size());
        assertEquals(0, applied.get(0));
        assertEquals(99, applied.get(99));
        assertEquals(1, queue.drains());
    }

    @Test
    void aKeyedUpdateReplacesOneStillPending() {
        Object key = new Object();
        List<String> applied = new ArrayList<>();
        queue.replace(key, () -> applied.add("old"));
        queue.append(() -> applied.add("point"));
        queue.replace(key, () -> applied.add("new"));
        pending.remove(0).run();
        assertEquals(List.of("new", "point"), applied, "the latest value, in the place of the first");
    }

    @Test
    void anUpdateAfterADrainSchedulesANewHandOver() {
        queue.append(() -> { });
        pending.remove(0).run();
        queue.append(() -> { });
        assertEquals(1, pending.size());
    }

    @Test
    void aSameThreadExecutorAppliesAtOnce() {
        UiQueue direct = new UiQueue(Runnable::run);
        List<String> applied = new ArrayList<>();
        direct.append(() -> applied.add("a"));
        assertEquals(List.of("a"), applied);
    }
}
