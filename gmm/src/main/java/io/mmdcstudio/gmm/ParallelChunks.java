package io.mmdcstudio.gmm;

import java.util.function.IntConsumer;
import java.util.stream.IntStream;

/**
 * Deterministic data-parallel loops. Work over {@code n} items is cut into chunks of a fixed size, so the
 * partition depends on {@code n} only, never on the number of cores; callers give each chunk its own
 * output slots and combine per-chunk partial results in chunk order afterwards. That makes floating-point
 * sums bit-identical whether one thread or many ran the chunks.
 */
final class ParallelChunks {

    /** Large enough to amortise task overhead, small enough to balance two to a few dozen cores. */
    static final int CHUNK_SIZE = 2048;

    private ParallelChunks() {
    }

    static int count(int n) {
        return (n + CHUNK_SIZE - 1) / CHUNK_SIZE;
    }

    static int start(int chunk) {
        return chunk * CHUNK_SIZE;
    }

    static int end(int chunk, int n) {
        return Math.min(n, (chunk + 1) * CHUNK_SIZE);
    }

    /**
     * Runs {@code body} once per chunk index, possibly concurrently on the common fork-join pool. Each
     * invocation must only write state owned by its chunk.
     */
    static void forEach(int n, IntConsumer body) {
        int chunks = count(n);
        if (chunks == 1) {
            body.accept(0);
        } else if (chunks > 1) {
            IntStream.range(0, chunks).parallel().forEach(body);
        }
    }
}
