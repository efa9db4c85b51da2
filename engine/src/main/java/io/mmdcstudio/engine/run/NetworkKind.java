package io.mmdcstudio.engine.run;

/**
 * The backbone network of a run. All share the two MMDC heads (clustering and rotation) on the pooled feature.
 */
public enum NetworkKind {
    /** CPU-friendly default: four conv-BN-ReLU-pool stages, base width 16 (16/32/64/128). */
    COMPACT,
    /** The reference code's small VGG for MNIST-like data: four stages of 32/64/128/256 channels. */
    VGG_SMALL,
    /** The reference code's ResNet-18 (3x3 stem, max-pool, four stages of two basic blocks, 64..512). */
    RESNET18,
    /** What the reference code uses for the data at hand: {@link #VGG_SMALL} for grayscale, {@link #RESNET18} for colour. */
    REFERENCE;

    /** Resolves {@link #REFERENCE} for data with the given channel count; other kinds resolve to themselves. */
    public NetworkKind resolve(int channels) {
        if (this != REFERENCE) {
            return this;
        }
        return channels == 1 ? VGG_SMALL : RESNET18;
    }

    /** The base channel width the reference uses for this network (the first stage's channels). */
    public int defaultWidth() {
        return switch (this) {
            case COMPACT -> 16;
            case VGG_SMALL -> 32;
            case RESNET18, REFERENCE -> 64;
        };
    }
}
