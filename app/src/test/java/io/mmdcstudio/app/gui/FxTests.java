package io.mmdcstudio.app.gui;

import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.testfx.util.WaitForAsyncUtils;

/** Reading the window's state on the FX thread from a test, and waiting for it with a useful time-out message. */
final class FxTests {

    private FxTests() {}

    /** {@code read} run on the FX thread (10 s at most). */
    static <T> T fx(Callable<T> read) throws Exception {
        return WaitForAsyncUtils.asyncFx(read).get(10, TimeUnit.SECONDS);
    }

    /** Waits for {@code condition}, read on the FX thread; on time-out the error says {@code where} things stood. */
    static void waitFor(int seconds, Callable<Boolean> condition, Callable<String> where) throws Exception {
        try {
            WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, () -> fx(condition));
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("waited " + seconds + " s; " + fx(where), e);
        }
    }
}
