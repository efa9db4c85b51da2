package io.mmdcstudio.engine.run;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.mmdcstudio.engine.augment.Augmenter;
import io.mmdcstudio.engine.data.ImageDataset;
import java.util.SplittableRandom;

/** Turns dataset indices into network input batches (NCHW float32 in [0, 1]) in a given manager. */
final class Views {

    private final ImageDataset data;
    private final Augmenter augmenter;
    private final int inputSize;

    Views(ImageDataset data, Augmenter augmenter, int inputSize) {
        this.data = data;
        this.augmenter = augmenter;
        this.inputSize = inputSize;
    }

    private Shape shape(int n) {
        return new Shape(n, data.channels(), inputSize, inputSize);
    }

    NDArray eval(NDManager manager, int[] indices, int from, int to) {
        int view = augmenter.viewSize();
        float[] buf = new float[(to - from) * view];
        for (int i = from; i < to; i++) {
            augmenter.evalView(data.pixels(), indices[i], buf, (i - from) * view);
        }
        return manager.create(buf, shape(to - from));
    }

    NDArray train(NDManager manager, int[] indices, int from, int to, SplittableRandom rng) {
        int view = augmenter.viewSize();
        float[] buf = new float[(to - from) * view];
        for (int i = from; i < to; i++) {
            augmenter.trainView(data.pixels(), indices[i], rng, buf, (i - from) * view);
        }
        return manager.create(buf, shape(to - from));
    }

    /** FixMatch's strongly distorted views ({@link Augmenter#strongView}). */
    NDArray strong(NDManager manager, int[] indices, int from, int to, SplittableRandom rng) {
        int view = augmenter.viewSize();
        float[] buf = new float[(to - from) * view];
        for (int i = from; i < to; i++) {
            augmenter.strongView(data.pixels(), indices[i], rng, buf, (i - from) * view);
        }
        return manager.create(buf, shape(to - from));
    }

    /** Four rotated views (0, 90, 180, 270 degrees) per source image; the label of row r is r % 4. */
    NDArray rotations(NDManager manager, int[] indices, int from, int to, SplittableRandom rng) {
        int view = augmenter.viewSize();
        int n = (to - from) * 4;
        float[] buf = new float[n * view];
        for (int i = from; i < to; i++) {
            for (int q = 0; q < 4; q++) {
                augmenter.rotationView(data.pixels(), indices[i], q, rng, buf, ((i - from) * 4 + q) * view);
            }
        }
        return manager.create(buf, shape(n));
    }
}
