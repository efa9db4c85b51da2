package io.mmdcstudio.engine.data;

import java.util.List;
import java.util.Objects;

/**
 * Decoded images held as one compact uint8 block, ready for training.
 *
 * <p>Layout is NCHW: image {@code i}, channel {@code c}, row {@code y}, column {@code x} lives at
 * {@code ((i * channels + c) * height + y) * width + x}. Values are raw 0..255 intensities; the engine scales
 * them to [0, 1] itself.
 *
 * @param items      one name per image: the file path for image folders, "file#index" for IDX records
 * @param channels   1 (grayscale) or 3 (RGB)
 * @param height     image height in pixels
 * @param width      image width in pixels
 * @param pixels     {@code items.size() * channels * height * width} bytes
 * @param labels     ground-truth label index per image, or {@code null} when there are none; used for metrics only
 * @param classNames names of the label indices (empty when {@code labels} is null)
 * @param skipped    every input that was left out, with its reason
 * @param fingerprint a stable digest of the data (paths, sizes, modification times or IDX content)
 */
public record ImageDataset(
        List<String> items,
        int channels,
        int height,
        int width,
        byte[] pixels,
        int[] labels,
        List<String> classNames,
        List<SkippedFile> skipped,
        String fingerprint) {

    public ImageDataset {
        items = List.copyOf(items);
        classNames = List.copyOf(classNames);
        skipped = List.copyOf(skipped);
        Objects.requireNonNull(pixels, "pixels");
        Objects.requireNonNull(fingerprint, "fingerprint");
        if (channels != 1 && channels != 3) {
            throw new IllegalArgumentException("channels must be 1 or 3, was " + channels);
        }
        long expected = (long) items.size() * channels * height * width;
        if (pixels.length != expected) {
            throw new IllegalArgumentException("pixels has " + pixels.length + " bytes, expected " + expected);
        }
        if (labels != null && labels.length != items.size()) {
            throw new IllegalArgumentException("labels has " + labels.length + " entries for " + items.size() + " images");
        }
    }

    /** Number of images. */
    public int size() {
        return items.size();
    }

    /** Bytes per image ({@code channels * height * width}). */
    public int imageBytes() {
        return channels * height * width;
    }

    /** Whether ground-truth labels are present (they serve the metrics only). */
    public boolean hasLabels() {
        return labels != null;
    }

    /** A copy of this dataset with other labels (or none); pixels are shared, not copied. */
    public ImageDataset withLabels(int[] newLabels, List<String> newClassNames) {
        return new ImageDataset(items, channels, height, width, pixels, newLabels, newClassNames, skipped, fingerprint);
    }
}
