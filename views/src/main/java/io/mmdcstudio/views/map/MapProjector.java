package io.mmdcstudio.views.map;

import java.util.Arrays;
import java.util.Objects;
import java.util.function.BooleanSupplier;

/**
 * Makes map frames from a run's embeddings: samples at most {@link #MAX_POINTS} images (the same ones every
 * epoch), projects them, scales them into the map's box and turns them to match the previous frame.
 *
 * <p>Why the turn: a projection's axes are only defined up to rotation and reflection, so two epochs' PCA can
 * differ by a mirror image even when hardly any point moved. An orthogonal Procrustes fit on the images both
 * frames share removes that, and the transition shows real movement. Not thread-safe: use from one worker.
 */
public final class MapProjector {

    /** Points drawn at most: enough to see structure, few enough to animate at screen rate. */
    public static final int MAX_POINTS = 20_000;

    private final MapProjection projection;
    private MapFrame previous;
    /** The previous frame's positions as the projection returned them (before scaling and turning). */
    private float[][] previousRaw;

    /** A projector using {@code projection}. */
    public MapProjector(MapProjection projection) {
        this.projection = Objects.requireNonNull(projection, "projection");
    }

    /** Forgets the previous frame (a new run or dataset). */
    public void reset() {
        previous = null;
        previousRaw = null;
    }

    /**
     * The frame of one moment, or null when {@code stop} said so before it was done.
     *
     * @param images         dataset index per embedding
     * @param clusters       cluster per embedding
     * @param embeddings     embedding per image
     * @param besideTraining whether a run trains meanwhile (the projection may compute more gently)
     * @param stop           polled while projecting; true abandons this frame
     */
    public MapFrame project(int epoch, int[] images, int[] clusters, float[][] embeddings, long seed,
            boolean besideTraining, BooleanSupplier stop) {
        int[] keep = sample(images);
        float[][] rows = new float[keep.length][];
        int[] kept = new int[keep.length];
        int[] keptClusters = new int[keep.length];
        for (int j = 0; j < keep.length; j++) {
            rows[j] = finite(embeddings[keep[j]]);
            kept[j] = images[keep[j]];
            keptClusters[j] = clusters[keep[j]];
        }
        float[][] xy = keep.length == 0 ? new float[0][2]
                : projection.project(rows, previousLayoutOf(kept), seed, besideTraining, stop);
        if (xy == null) {
            return null;
        }
        float[] x = new float[keep.length];
        float[] y = new float[keep.length];
        for (int j = 0; j < keep.length; j++) {
            x[j] = xy[j][0];
            y[j] = xy[j][1];
        }
        normalise(x, y);
        if (previous != null) {
            alignTo(previous, kept, x, y);
        }
        MapFrame frame = new MapFrame(epoch, projection.name(), kept, x, y, keptClusters);
        previous = frame;
        previousRaw = xy;
        return frame;
    }

    /** The frame of one moment (nothing else running, never abandoned). */
    public MapFrame project(int epoch, int[] images, int[] clusters, float[][] embeddings, long seed) {
        return project(epoch, images, clusters, embeddings, seed, false, () -> false);
    }

    /** Where each of {@code images} was in the previous frame, if it held every one of them; else null. */
    private float[][] previousLayoutOf(int[] images) {
        if (previous == null || previousRaw == null) {
            return null;
        }
        int max = 0;
        for (int i : previous.images()) {
            max = Math.max(max, i);
        }
        int[] slot = new int[max + 1];
        Arrays.fill(slot, -1);
        for (int j = 0; j < previous.images().length; j++) {
            slot[previous.images()[j]] = j;
        }
        float[][] out = new float[images.length][];
        for (int j = 0; j < images.length; j++) {
            int s = images[j] <= max ? slot[images[j]] : -1;
            if (s < 0) {
                return null;
            }
            out[j] = previousRaw[s].clone();
        }
        return out;
    }

    /** A diverged network can emit NaN; the map shows such a point at the origin rather than failing. */
    private static float[] finite(float[] row) {
        for (float v : row) {
            if (!Float.isFinite(v)) {
                float[] copy = row.clone();
                for (int i = 0; i < copy.length; i++) {
                    copy[i] = Float.isFinite(copy[i]) ? copy[i] : 0;
                }
                return copy;
            }
        }
        return row;
    }

    /** Positions (into {@code images}) of the sampled images: a fixed pseudo-random share of dataset indices. */
    static int[] sample(int[] images) {
        if (images.length <= MAX_POINTS) {
            int[] all = new int[images.length];
            Arrays.setAll(all, i -> i);
            return all;
        }
        // Keyed on the dataset index, not the position, so the same images stay on the map every epoch.
        long threshold = (long) ((double) MAX_POINTS / images.length * (1L << 32));
        int[] out = new int[images.length];
        int n = 0;
        for (int j = 0; j < images.length; j++) {
            long h = (images[j] * 0x9E3779B9L) & 0xFFFFFFFFL;
            if (h < threshold) {
                out[n++] = j;
            }
        }
        return Arrays.copyOf(out, n);
    }

    /** Centres the cloud and scales it so that 98% of the points lie within [-1, 1]². */
    static void normalise(float[] x, float[] y) {
        int n = x.length;
        if (n == 0) {
            return;
        }
        double mx = 0;
        double my = 0;
        for (int i = 0; i < n; i++) {
            mx += x[i];
            my += y[i];
        }
        mx /= n;
        my /= n;
        float[] extent = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] -= (float) mx;
            y[i] -= (float) my;
            extent[i] = Math.max(Math.abs(x[i]), Math.abs(y[i]));
        }
        Arrays.sort(extent);
        double scale = extent[Math.min(n - 1, (int) (0.98 * n))];
        if (scale <= 1e-12) {
            return;
        }
        for (int i = 0; i < n; i++) {
            x[i] /= (float) scale;
            y[i] /= (float) scale;
        }
    }

    /** Rotates (and mirrors, if that fits better) the new points onto the previous frame's shared images. */
    static void alignTo(MapFrame before, int[] images, float[] x, float[] y) {
        int maxIndex = 0;
        for (int i : before.images()) {
            maxIndex = Math.max(maxIndex, i);
        }
        int[] slot = new int[maxIndex + 1];
        Arrays.fill(slot, -1);
        for (int j = 0; j < before.images().length; j++) {
            slot[before.images()[j]] = j;
        }
        double a = 0;
        double b = 0;
        double am = 0;
        double bm = 0;
        int shared = 0;
        for (int j = 0; j < images.length; j++) {
            int s = images[j] <= maxIndex ? slot[images[j]] : -1;
            if (s < 0) {
                continue;
            }
            double qx = before.x()[s];
            double qy = before.y()[s];
            // Best rotation angle of p onto q: atan2(Σ(x·qy − y·qx), Σ(x·qx + y·qy)); mirrored: y → −y.
            a += x[j] * qx + y[j] * qy;
            b += x[j] * qy - y[j] * qx;
            am += x[j] * qx - y[j] * qy;
            bm += x[j] * qy + y[j] * qx;
            shared++;
        }
        if (shared < 3) {
            return;
        }
        boolean mirror = Math.hypot(am, bm) > Math.hypot(a, b);
        double theta = mirror ? Math.atan2(bm, am) : Math.atan2(b, a);
        double cos = Math.cos(theta);
        double sin = Math.sin(theta);
        for (int j = 0; j < x.length; j++) {
            double px = x[j];
            double py = mirror ? -y[j] : y[j];
            x[j] = (float) (px * cos - py * sin);
            y[j] = (float) (px * sin + py * cos);
        }
    }
}
