package io.mmdcstudio.engine.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Loads images for a run from an image folder, an IDX images file or a folder of IDX files.
 *
 * <h2>What the path may be</h2>
 * <ul>
 *   <li>A folder holding IDX images files (named {@code *-images-idx3-ubyte[.gz]}): all of them are merged,
 *       training files first, with their labels files (see {@link LabelMode#AUTO}).</li>
 *   <li>An IDX images file (recognised by its magic number, gzip or not) and its labels file.</li>
 *   <li>Any other folder: every image below it (.jpg .jpeg .png .bmp .gif .webp .tif .tiff, any case),
 *       recursively, following symbolic links, ignoring names starting with a dot, in order of relative path.</li>
 * </ul>
 *
 * <h2>Images</h2>
 * Each image is oriented by its EXIF tag, composited on white if transparent, scaled so that its shorter side
 * is {@link LoadOptions#inputSize()} and centre-cropped to a square; GIFs contribute their first frame. IDX
 * images keep their native pixels when that size matches, else they are resized the same way. Images of a folder
 * are decoded on {@link LoadOptions#threads()} threads and cached in {@link LoadOptions#cacheDir()} (one file per
 * folder and input size); a re-open decodes only new or changed files. IDX files are not cached: reading them is
 * as fast as reading a cache. The user's files are only ever read.
 *
 * <h2>Bad input</h2>
 * A file that cannot be used (empty, truncated, corrupt, not an image, larger than
 * {@link LoadOptions#maxPixels()}, unreadable, a symbolic link loop, a decoder crash) is listed in
 * {@link ImageDataset#skipped()} with its reason and the load goes on. Only a path that cannot be loaded at all
 * throws a {@link DataException}.
 */
public final class DatasetLoader {

    private DatasetLoader() {
    }

    /**
     * Loads the dataset at {@code path}. Blocking; progress is reported on the calling thread.
     *
     * @throws DataException when the path does not exist or is neither a folder nor an IDX images file, when no
     *                       usable image is found, when IDX data is truncated or inconsistent, when a labels CSV
     *                       cannot be used, or when the calling thread is interrupted
     */
    public static ImageDataset load(Path path, LoadOptions options, LoadProgress progress) throws DataException {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(progress, "progress");
        Path target = path.toAbsolutePath().normalize();
        if (!Files.exists(target)) {
            throw new DataException("Not found: " + target);
        }
        if (Files.isDirectory(target)) {
            List<Path> idxFiles = IdxLoader.findImageFiles(target);
            return idxFiles.isEmpty() ? FolderLoader.load(target, options, progress).dataset()
                    : IdxLoader.load(idxFiles, options, progress);
        }
        if (Files.isRegularFile(target)) {
            int magic = IdxFormat.magic(target);
            if (magic == IdxFormat.IMAGES_MAGIC) {
                return IdxLoader.load(List.of(target), options, progress);
            }
            if (magic == IdxFormat.LABELS_MAGIC) {
                throw new DataException("This is an IDX labels file; open its images file instead: " + target);
            }
        }
        throw new DataException("Not a folder or IDX file: " + target);
    }

    /** {@link #load(Path, LoadOptions, LoadProgress)} without progress reports. */
    public static ImageDataset load(Path path, LoadOptions options) throws DataException {
        return load(path, options, LoadProgress.NONE);
    }
}
