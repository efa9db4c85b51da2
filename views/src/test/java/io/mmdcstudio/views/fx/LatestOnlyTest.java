package io.mmdcstudio.views.fx;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LatestOnlyTest {

    @Test
    void valuesOvertakenWhileTheWorkerIsBusyAreSkipped() {
        List<Runnable> worker = new ArrayList<>();
        List<Integer> processed = new ArrayList<>();
        LatestOnly<Integer> latest = new LatestOnly<>(worker::add, processed::add);
        latest.submit(1);
        latest.submit(2);
        latest.submit(3);
        assertEquals(1, worker.size());
        worker.remove(0).run();
        assertEquals(List.of(3), processed);
        latest.submit(4);
        worker.remove(0).run();
        assertEquals(List.of(3, 4), processed);
    }

    @Test
    void aValueSubmittedDuringProcessingIsProcessedNext() {
        List<Runnable> worker = new ArrayList<>();
        List<Integer> processed = new ArrayList<>();
        java.util.concurrent.atomic.AtomicReference<LatestOnly<Integer>> self =
                new java.util.concurrent.atomic.AtomicReference<>();
        self.set(new LatestOnly<>(worker::add, v -> {
            processed.add(v);
            if (v == 1) {
                self.get().submit(2);
            }
        }));
        self.get().submit(1);
        worker.remove(0).run();
        assertEquals(List.of(1, 2), processed);
        assertEquals(0, worker.size(), "no extra hand-over: the running drain took it");
    }
}
