package io.mmdcstudio.engine.map;

import java.util.function.BooleanSupplier;

/**
 * Exact k nearest neighbours (squared Euclidean distance). Searches go through a {@link VantagePointTree}
 * (measured on the 10-D Fashion-MNIST embeddings, one thread: 1.8 times faster than brute force for k = 90 among
 * 10,000 points, 3.5 times for placing 60,000 points among 10,000, about 4 times at 70,000). Tiny problems, and
 * those that want a large share of all points (the exact mode's "every other point"), go by blocked brute force:
 * the references are stored transposed (one array per dimension) so that the inner loop runs over many references
 * at once and vectorises. Both give the same answer: each query's neighbours are the k smallest by
 * (distance, index), sorted that way, so ties are broken the same way on every run.
 */
final class NearestNeighbours {

    /**
     * Neighbours of each query, row-major: query {@code q}'s j-th neighbour is {@code indices[q * k + j]}.
     *
     * @param k                number of neighbours per query
     * @param indices          reference indices, nearest first
     * @param squaredDistances the matching squared distances
     */
    record Result(int k, int[] indices, float[] squaredDistances) {}

    private static final int QUERY_CHUNK = 64;
    private static final int REFERENCE_BLOCK = 2048;
    /** Up to this many query-reference pairs a tree isn't worth building. */
    private static final long BRUTE_FORCE_PAIRS = 1_000_000;
    private static final long TREE_SEED = 0x5EED;

    private NearestNeighbours() {}

    /** The {@code k} nearest other points of every point (a point is never its own neighbour). */
    static Result ofEach(float[][] points, int k, Workers workers, BooleanSupplier cancelled) {
        return search(points, points, true, k, workers, cancelled);
    }

    /** The {@code k} nearest references of every query. */
    static Result among(float[][] queries, float[][] references, int k, Workers workers, BooleanSupplier cancelled) {
        return search(queries, references, false, k, workers, cancelled);
    }

    private static Result search(float[][] queries, float[][] references, boolean self, int k, Workers workers,
            BooleanSupplier cancelled) {
        int available = references.length - (self ? 1 : 0);
        if (k < 1 || k > available) {
            throw new IllegalArgumentException("k = " + k + " but only " + available + " candidates");
        }
        boolean bruteForce = (long) queries.length * references.length <= BRUTE_FORCE_PAIRS
                || k > references.length / 8;
        return bruteForce ? bruteForce(queries, references, self, k, workers, cancelled)
                : tree(queries, references, self, k, workers, cancelled);
    }

    static Result bruteForce(float[][] queries, float[][] references, boolean self, int k, Workers workers,
            BooleanSupplier cancelled) {
        float[][] columns = transpose(references);
        int nq = queries.length;
        int[] indices = new int[nq * k];
        float[] distances = new float[nq * k];
        workers.forEach(Workers.chunks(nq, QUERY_CHUNK), chunk -> {
            if (cancelled.getAsBoolean()) {
                throw new Cancelled();
            }
            float[] block = new float[REFERENCE_BLOCK];
            Heap heap = new Heap(k);
            int end = Math.min(nq, (chunk + 1) * QUERY_CHUNK);
            for (int q = chunk * QUERY_CHUNK; q < end; q++) {
                scan(queries[q], self ? q : -1, columns, references.length, block, heap);
                heap.drainSorted(indices, distances, q * k);
            }
        });
        return new Result(k, indices, distances);
    }

    static Result tree(float[][] queries, float[][] references, boolean self, int k, Workers workers,
            BooleanSupplier cancelled) {
        VantagePointTree tree = new VantagePointTree(references, TREE_SEED);
        int nq = queries.length;
        int[] indices = new int[nq * k];
        float[] distances = new float[nq * k];
        workers.forEach(Workers.chunks(nq, QUERY_CHUNK), chunk -> {
            if (cancelled.getAsBoolean()) {
                throw new Cancelled();
            }
            Heap heap = new Heap(k);
            int end = Math.min(nq, (chunk + 1) * QUERY_CHUNK);
            for (int q = chunk * QUERY_CHUNK; q < end; q++) {
                tree.search(queries[q], self ? q : -1, heap);
                heap.drainSorted(indices, distances, q * k);
            }
        });
        return new Result(k, indices, distances);
    }

    private static float[][] transpose(float[][] rows) {
        int d = rows.length == 0 ? 0 : rows[0].length;
        float[][] columns = new float[d][rows.length];
        for (int i = 0; i < rows.length; i++) {
            for (int j = 0; j < d; j++) {
                columns[j][i] = rows[i][j];
            }
        }
        return columns;
    }

    /** Offers every reference except {@code skip} to the heap, one block of references at a time. */
    private static void scan(float[] query, int skip, float[][] columns, int nr, float[] block, Heap heap) {
        for (int start = 0; start < nr; start += REFERENCE_BLOCK) {
            int len = Math.min(REFERENCE_BLOCK, nr - start);
            java.util.Arrays.fill(block, 0, len, 0f);
            for (int j = 0; j < columns.length; j++) {
                float qj = query[j];
                float[] col = columns[j];
                for (int r = 0; r < len; r++) {
                    float diff = qj - col[start + r];
                    block[r] += diff * diff;
                }
            }
            float worst = heap.worst();
            for (int r = 0; r < len; r++) {
                // References come in increasing index order, so "strictly closer" keeps the lower index on ties.
                if (block[r] < worst && start + r != skip) {
                    worst = heap.offer(block[r], start + r);
                }
            }
        }
    }

    /** A bounded max-heap of (distance, index) keeping the k smallest. */
    static final class Heap {
        private final float[] dist;
        private final int[] index;
        private int size;

        Heap(int k) {
            dist = new float[k];
            index = new int[k];
        }

        float worst() {
            return size < dist.length ? Float.POSITIVE_INFINITY : dist[0];
        }

        /** Keeps (d, i) if it is smaller than the largest kept, in (distance, index) order. */
        void offerAny(float d, int i) {
            if (size < dist.length || greater(dist[0], index[0], d, i)) {
                offer(d, i);
            }
        }

        /** Adds a candidate closer than {@link #worst()}; returns the new worst. */
        float offer(float d, int i) {
            if (size < dist.length) {
                int c = size++;
                while (c > 0) {
                    int parent = (c - 1) >> 1;
                    if (!greater(d, i, dist[parent], index[parent])) {
                        break;
                    }
                    dist[c] = dist[parent];
                    index[c] = index[parent];
                    c = parent;
                }
                dist[c] = d;
                index[c] = i;
            } else {
                siftDown(d, i, size);
            }
            return worst();
        }

        /** Puts (d, i) at the root and sifts it down within the first {@code n} slots. */
        private void siftDown(float d, int i, int n) {
            int c = 0;
            while (true) {
                int child = 2 * c + 1;
                if (child >= n) {
                    break;
                }
                if (child + 1 < n && greater(dist[child + 1], index[child + 1], dist[child], index[child])) {
                    child++;
                }
                if (!greater(dist[child], index[child], d, i)) {
                    break;
                }
                dist[c] = dist[child];
                index[c] = index[child];
                c = child;
            }
            dist[c] = d;
            index[c] = i;
        }

        private static boolean greater(float d1, int i1, float d2, int i2) {
            return d1 > d2 || (d1 == d2 && i1 > i2);
        }

        /** Writes the heap's content in increasing (distance, index) order and empties it. */
        void drainSorted(int[] outIndex, float[] outDist, int offset) {
            for (int n = size; n > 0; n--) {
                outDist[offset + n - 1] = dist[0];
                outIndex[offset + n - 1] = index[0];
                siftDown(dist[n - 1], index[n - 1], n - 1);
            }
            size = 0;
        }
    }
}
