package io.mmdcstudio.engine.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

class BackgroundPriorityTest {

    @Test
    @EnabledOnOs(OS.LINUX)
    void aLoweredThreadAndTheThreadsItStartsRunAtNiceNineteenWhileOthersKeepTheirs() throws Exception {
        int before = BackgroundPriority.currentNice();
        AtomicInteger lowered = new AtomicInteger(-1);
        AtomicInteger child = new AtomicInteger(-1);
        Thread background = new Thread(() -> {
            assertTrue(BackgroundPriority.lowerCurrentThread());
            lowered.set(BackgroundPriority.currentNice());
            Thread started = new Thread(() -> child.set(BackgroundPriority.currentNice()));
            started.start();
            try {
                started.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        background.start();
        background.join();

        assertEquals(19, lowered.get());
        assertEquals(19, child.get(), "a worker the map starts inherits the priority");
        assertEquals(before, BackgroundPriority.currentNice(), "the caller's own thread is untouched");
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void threadsLoweredByNameRunAtTheNiceValueGivenAndOthersKeepTheirs() throws Exception {
        int before = BackgroundPriority.currentNice();
        java.util.concurrent.CountDownLatch running = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch lowered = new java.util.concurrent.CountDownLatch(1);
        AtomicInteger nice = new AtomicInteger(-1);
        Thread named = new Thread(() -> {
            running.countDown();
            try {
                lowered.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            nice.set(BackgroundPriority.currentNice());
        }, "mmdc-lower-me-please");
        named.start();
        running.await(); // the system learns a thread's name only once it runs

        // The system knows a thread by the first 15 characters of its name.
        assertEquals(1, BackgroundPriority.lowerThreadsNamed(7, "mmdc-lower-me-p", "no-such-thread"));
        lowered.countDown();
        named.join();

        assertEquals(7, nice.get());
        assertEquals(before, BackgroundPriority.currentNice(), "the caller's own thread is untouched");
    }
}
