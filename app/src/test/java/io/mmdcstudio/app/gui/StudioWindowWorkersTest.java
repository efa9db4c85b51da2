package io.mmdcstudio.app.gui;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The window's worker threads, without a window. */
class StudioWindowWorkersTest {

    @Test
    void aWorkerRunsWorkAndDropsWorkHandedToItAfterTheWindowClosedInsteadOfThrowing() throws Exception {
        ExecutorService analysis = StudioWindow.single("mmdc-test-analysis", 0);
        ExecutorService mapper = StudioWindow.single("mmdc-test-map", 0);
        AtomicInteger mapped = new AtomicInteger();
        CountDownLatch closed = new CountDownLatch(1);
        CountDownLatch handedOver = new CountDownLatch(1);
        CountDownLatch ran = new CountDownLatch(1);
        mapper.execute(ran::countDown);
        // An analysis still running when the window closes hands its epoch to the map worker afterwards.
        analysis.execute(() -> {
            try {
                closed.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt(); // close() interrupts it; the hand-over still follows
            }
            assertDoesNotThrow(() -> mapper.execute(mapped::incrementAndGet));
            handedOver.countDown();
        });

        assertTrue(ran.await(5, TimeUnit.SECONDS), "work handed over before the close runs");
        mapper.shutdownNow();
        assertTrue(mapper.awaitTermination(5, TimeUnit.SECONDS));
        analysis.shutdownNow();
        closed.countDown();

        assertTrue(handedOver.await(5, TimeUnit.SECONDS), "the analysis finished without an exception");
        assertEquals(0, mapped.get());
    }
}
