package io.mmdcstudio.engine.data;

import io.mmdcstudio.engine.data.IdxFormat.IdxArray;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Loads IDX image files (MNIST layout) with their labels files and merges several of them in order.
 *
 * <p>A labels file is found by the MNIST naming convention: {@code X-images-idx3-ubyte[.gz]} goes with
 * {@code X-labels-idx1-ubyte[.gz]} (a '.' instead of the '-' before {@code idx} works too). In a folder, every
 * file named like an images file is loaded, training files ({@code train*}) first, then the others by name
 * ({@code t10k}, {@code test}), which is the paper's protocol of merging train and test.
 *
 * <p>Class names: a {@code classes.txt} next to the files (one name per line, in label order) wins; else the
 * ten Fashion-MNIST names when the folder or file name contains "fashion"; else the label numbers.
 */
final class IdxLoader {

    private static final Pattern IMAGES_NAME = Pattern.compile("(.*)-images([-.])idx3-ubyte(\\.gz)?");
    private static final List<String> FASHION_CLASSES = List.of("T-shirt/top", "Trouser", "Pullover", "Dress",
            "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot");

    private IdxLoader() {
    }

    /** The IDX images files directly inside {@code dir}, in load order; empty when there are none. */
    static List<Path> findImageFiles(Path dir) throws DataException {
        Map<String, Path> byBaseName = new LinkedHashMap<>();
        try (Stream<Path> entries = Files.list(dir)) {
            entries.filter(p -> IMAGES_NAME.matcher(p.getFileName().toString()).matches())
                    .filter(Files::isRegularFile)
                    .sorted(Comparator.comparing((Path p) -> isTraining(p) ? 0 : 1)
                            .thenComparing(p -> p.getFileName().toString()))
                    // Prefer the uncompressed copy when both X and X.gz exist, rather than loading X twice.
                    .forEach(p -> byBaseName.merge(baseName(p), p, (a, b) -> isGzipName(a) ? b : a));
        } catch (IOException e) {
            throw new DataException("Cannot list folder " + dir + ": " + ImageDecoder.SkipReasons.describe(e), e);
        }
        return List.copyOf(byBaseName.values());
    }

    private static boolean isTraining(Path p) {
        return p.getFileName().toString().toLowerCase(Locale.ROOT).startsWith("train");
    }

    private static boolean isGzipName(Path p) {
        return p.getFileName().toString().endsWith(".gz");
    }

    private static String baseName(Path p) {
        String name = p.getFileName().toString();
        return isGzipName(p) ? name.substring(0, name.length() - 3) : name;
    }

    /** The labels file that goes with an images file, or null when there is none. */
    static Path labelsFileFor(Path imagesFile) {
        Matcher m = IMAGES_NAME.matcher(imagesFile.getFileName().toString());
        if (!m.matches()) {
            return null;
        }
        String base = m.group(1) + "-labels" + m.group(2) + "idx1-ubyte";
        List<String> candidates = m.group(3) != null ? List.of(base + ".gz", base) : List.of(base, base + ".gz");
        return candidates.stream().map(imagesFile::resolveSibling).filter(Files::isRegularFile).findFirst()
                .orElse(null);
    }

    /** Loads and merges {@code imageFiles} (all of the same image size) in the given order. */
    static ImageDataset load(List<Path> imageFiles, LoadOptions options, LoadProgress progress)
            throws DataException {
        List<Path> labelFiles = new ArrayList<>();
        for (Path images : imageFiles) {
            labelFiles.add(options.labelMode() == LabelMode.AUTO ? labelsFileFor(images) : null);
        }
        IdxArray[] arrays = readAll(imageFiles, labelFiles, options, progress);
        int n = checkShapes(arrays, imageFiles.size());
        List<String> items = items(arrays, imageFiles.size(), n);
        byte[] pixels = IdxPixels.toDataset(arrays, imageFiles.size(), n, options, progress);
        int channels = options.channels() == ChannelMode.RGB ? 3 : 1;
        ImageDataset dataset = new ImageDataset(items, channels, options.inputSize(), options.inputSize(), pixels,
                null, List.of(), List.of(), fingerprint(arrays, imageFiles.size()));
        return labels(arrays, imageFiles, items, options).applyTo(dataset);
    }

    /** Images files at [0, k), their labels files (or null) at [k, 2k); read in parallel. */
    private static IdxArray[] readAll(List<Path> imageFiles, List<Path> labelFiles, LoadOptions options,
            LoadProgress progress) throws DataException {
        int k = imageFiles.size();
        IdxArray[] arrays = new IdxArray[2 * k];
        String message = "Reading " + k + (k == 1 ? " IDX file" : " IDX files");
        progress.update(0, 2 * k, message);
        Workers.run(options.threads(), 2 * k, i -> {
            Path file = i < k ? imageFiles.get(i) : labelFiles.get(i - k);
            if (file != null) {
                arrays[i] = IdxFormat.read(file, i < k ? 3 : 1);
            }
        }, done -> progress.update(done, 2 * k, message));
        return arrays;
    }

    private static int checkShapes(IdxArray[] arrays, int k) throws DataException {
        int n = 0;
        for (int f = 0; f < k; f++) {
            IdxArray images = arrays[f];
            if (images.dims()[1] != arrays[0].dims()[1] || images.dims()[2] != arrays[0].dims()[2]) {
                throw new DataException(String.format(Locale.ROOT,
                        "IDX files differ in image size: %s is %d×%d, %s is %d×%d",
                        arrays[0].file(), arrays[0].dims()[2], arrays[0].dims()[1],
                        images.file(), images.dims()[2], images.dims()[1]));
            }
            IdxArray labels = arrays[k + f];
            if (labels != null && labels.count() != images.count()) {
                throw new DataException(String.format(Locale.ROOT,
                        "IDX labels file %s has %,d labels for %,d images in %s",
                        labels.file(), labels.count(), images.count(), images.file()));
            }
            n = Math.addExact(n, images.count());
        }
        return n;
    }

    private static List<String> items(IdxArray[] arrays, int k, int n) {
        List<String> items = new ArrayList<>(n);
        for (int f = 0; f < k; f++) {
            String prefix = arrays[f].file().getFileName() + "#";
            for (int i = 0; i < arrays[f].count(); i++) {
                items.add(prefix + i);
            }
        }
        return items;
    }

    private static Labels labels(IdxArray[] arrays, List<Path> imageFiles, List<String> items, LoadOptions options)
            throws DataException {
        return switch (options.labelMode()) {
            case NONE -> Labels.NONE;
            case CSV -> CsvLabels.read(options.labelsCsv(), items, field -> field);
            case AUTO -> fileLabels(arrays, imageFiles, items.size());
        };
    }

    /** Labels from the labels files; images of a file without one get {@link Labels#UNKNOWN}. */
    private static Labels fileLabels(IdxArray[] arrays, List<Path> imageFiles, int n) {
        int k = imageFiles.size();
        int[] indices = new int[n];
        int at = 0;
        int maxLabel = -1;
        for (int f = 0; f < k; f++) {
            IdxArray labels = arrays[k + f];
            for (int i = 0; i < arrays[f].count(); i++, at++) {
                indices[at] = labels == null ? Labels.UNKNOWN : labels.data()[i] & 0xFF;
                maxLabel = Math.max(maxLabel, indices[at]);
            }
        }
        return maxLabel < 0 ? Labels.NONE : new Labels(indices, classNames(imageFiles.get(0), maxLabel + 1));
    }

    private static List<String> classNames(Path firstImages, int classes) {
        Path classesFile = firstImages.resolveSibling("classes.txt");
        if (Files.isRegularFile(classesFile)) {
            try {
                List<String> names = Files.readAllLines(classesFile, StandardCharsets.UTF_8).stream()
                        .map(String::strip).filter(s -> !s.isEmpty()).toList();
                if (names.size() >= classes) {
                    return names;
                }
            } catch (IOException e) {
                // An unreadable classes.txt only costs the names: fall through to the defaults.
            }
        }
        Path parent = firstImages.toAbsolutePath().getParent();
        String where = (parent == null ? "" : parent.getFileName() + "/") + firstImages.getFileName();
        if (where.toLowerCase(Locale.ROOT).contains("fashion") && classes <= FASHION_CLASSES.size()) {
            return FASHION_CLASSES;
        }
        List<String> numbers = new ArrayList<>(classes);
        for (int c = 0; c < classes; c++) {
            numbers.add(Integer.toString(c));
        }
        return numbers;
    }

    /** SHA-256 over the digests of the images files in load order; labels do not change the data's identity. */
    private static String fingerprint(IdxArray[] arrays, int k) {
        MessageDigest digest = Fingerprints.sha256();
        for (int f = 0; f < k; f++) {
            digest.update(arrays[f].sha256());
        }
        return Fingerprints.shortHex(digest.digest());
    }
}
