package io.mmdcstudio.engine.data;

import java.nio.file.Path;
import java.util.Objects;

/**
 * How {@link DatasetLoader} turns a folder or IDX file into an {@link ImageDataset}.
 *
 * @param inputSize  side of the square images the dataset holds, in pixels (1..{@value #MAX_INPUT_SIZE}); images
 *                   are scaled so that their shorter side equals it, then centre-cropped
 * @param channels   how many channels the dataset has
 * @param labelMode  where ground-truth labels come from
 * @param labelsCsv  the {@code path,label} file for {@link LabelMode#CSV}; ignored otherwise, may then be null
 * @param cacheDir   where decoded images are cached between runs, or {@code null} for no cache; the loader
 *                   never writes anywhere else (in particular never next to the user's images)
 * @param maxPixels  images whose header declares more pixels than this are skipped before decoding (protects
 *                   against decompression bombs)
 * @param threads    decoder threads
 */
public record LoadOptions(
        int inputSize,
        ChannelMode channels,
        LabelMode labelMode,
        Path labelsCsv,
        Path cacheDir,
        long maxPixels,
        int threads) {

    /** Largest accepted {@link #inputSize()}. */
    public static final int MAX_INPUT_SIZE = 1024;

    /** Default decompression-bomb limit: 100 megapixels. */
    public static final long DEFAULT_MAX_PIXELS = 100_000_000L;

    /** System property that overrides the default cache folder. */
    public static final String CACHE_DIR_PROPERTY = "mmdc.cache.dir";

    public LoadOptions {
        Objects.requireNonNull(channels, "channels");
        Objects.requireNonNull(labelMode, "labelMode");
        if (inputSize < 1 || inputSize > MAX_INPUT_SIZE) {
            throw new IllegalArgumentException("inputSize must be 1.." + MAX_INPUT_SIZE + ", was " + inputSize);
        }
        if (labelMode == LabelMode.CSV && labelsCsv == null) {
            throw new IllegalArgumentException("labelMode CSV needs a labels CSV file");
        }
        if (maxPixels < 1) {
            throw new IllegalArgumentException("maxPixels must be positive, was " + maxPixels);
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be positive, was " + threads);
        }
    }

    /**
     * Options with AUTO channels and labels, the default cache folder ({@link #defaultCacheDir()}), a 100 MP
     * limit and one decoder thread per available processor.
     */
    public static LoadOptions defaults(int inputSize) {
        return new LoadOptions(inputSize, ChannelMode.AUTO, LabelMode.AUTO, null, defaultCacheDir(),
                DEFAULT_MAX_PIXELS, Runtime.getRuntime().availableProcessors());
    }

    /**
     * The cache folder used by default: system property {@value #CACHE_DIR_PROPERTY} if set, else
     * {@code $XDG_CACHE_HOME/mmdc-studio} if that variable holds an absolute path, else
     * {@code ~/.cache/mmdc-studio}.
     */
    public static Path defaultCacheDir() {
        String property = System.getProperty(CACHE_DIR_PROPERTY);
        if (property != null && !property.isBlank()) {
            return Path.of(property);
        }
        String xdg = System.getenv("XDG_CACHE_HOME");
        // The XDG spec says relative values are invalid and must be ignored.
        if (xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()) {
            return Path.of(xdg, "mmdc-studio");
        }
        return Path.of(System.getProperty("user.home"), ".cache", "mmdc-studio");
    }

    /** A copy with another input size. */
    public LoadOptions withInputSize(int newInputSize) {
        return new LoadOptions(newInputSize, channels, labelMode, labelsCsv, cacheDir, maxPixels, threads);
    }

    /** A copy with another channel mode. */
    public LoadOptions withChannels(ChannelMode newChannels) {
        return new LoadOptions(inputSize, newChannels, labelMode, labelsCsv, cacheDir, maxPixels, threads);
    }

    /** A copy with another label source ({@code csv} may be null unless the mode is CSV). */
    public LoadOptions withLabels(LabelMode newLabelMode, Path csv) {
        return new LoadOptions(inputSize, channels, newLabelMode, csv, cacheDir, maxPixels, threads);
    }

    /** A copy with another cache folder, or {@code null} for no cache. */
    public LoadOptions withCacheDir(Path newCacheDir) {
        return new LoadOptions(inputSize, channels, labelMode, labelsCsv, newCacheDir, maxPixels, threads);
    }

    /** A copy with another pixel limit. */
    public LoadOptions withMaxPixels(long newMaxPixels) {
        return new LoadOptions(inputSize, channels, labelMode, labelsCsv, cacheDir, newMaxPixels, threads);
    }

    /** A copy with another number of decoder threads. */
    public LoadOptions withThreads(int newThreads) {
        return new LoadOptions(inputSize, channels, labelMode, labelsCsv, cacheDir, maxPixels, newThreads);
    }
}
