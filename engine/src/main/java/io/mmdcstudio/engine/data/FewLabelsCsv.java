package io.mmdcstudio.engine.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the few labels of the semi-supervised mode: a {@code path,label} CSV (the rules of {@link LabelMode#CSV}:
 * UTF-8, RFC 4180 quoting, extra columns ignored; paths relative to the data folder or absolute, or IDX item names
 * such as {@code train-images-idx3-ubyte.gz#12}) naming only a few images of the data.
 *
 * <p>Stricter than the metrics' labels file, because these labels steer training: a row naming no image of the
 * data is an error (only a first row may be a header), as is an image given two different labels, or more
 * distinct labels than clusters. Labels map to classes {@code 0..n-1} in sorted order, numerically when all are
 * integers (as {@link ImageDataset#classNames()} does), and class j becomes cluster j.
 */
public final class FewLabelsCsv {

    /** Unknown rows named in an error message, at most. */
    private static final int SHOWN = 3;

    /**
     * The labelled images.
     *
     * @param classOf    per image of the dataset, its class index, or -1 when it has no label here
     * @param classNames the labels in class order (class j is cluster j)
     */
    public record FewLabelSet(int[] classOf, List<String> classNames) {

        public FewLabelSet {
            classOf = classOf.clone();
            classNames = List.copyOf(classNames);
        }

        /** How many images have a label. */
        public int labelledCount() {
            return (int) Arrays.stream(classOf).filter(c -> c >= 0).count();
        }
    }

    private FewLabelsCsv() {}

    /**
     * @param csv      the few-labels file
     * @param dataPath the folder or IDX file the data was loaded from (relative paths resolve against a folder)
     * @param data     the loaded data
     * @param clusters k: the file may name at most this many distinct labels
     * @throws DataException when the file cannot be read, a row names no image, an image has two labels, no row
     *                       names an image, or there are more labels than clusters
     */
    public static FewLabelSet read(Path csv, Path dataPath, ImageDataset data, int clusters) throws DataException {
        Map<String, Integer> indexOf = new HashMap<>();
        for (int i = 0; i < data.size(); i++) {
            indexOf.put(data.items().get(i), i);
        }
        Path root = dataPath.toAbsolutePath().normalize();
        List<String> names = new ArrayList<>(java.util.Collections.nCopies(data.size(), null));
        List<String> unknown = new ArrayList<>();
        int line = 0;
        try (BufferedReader reader = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
            for (String text = reader.readLine(); text != null; text = reader.readLine()) {
                line++;
                List<String> fields = CsvLabels.splitLine(text);
                if (fields.size() < 2 || fields.get(0).isBlank()) {
                    continue;
                }
                String path = fields.get(0).strip();
                String label = fields.get(1).strip();
                Integer image = find(path, indexOf, root);
                if (image == null) {
                    if (line > 1) { // a first row that names no image is a header
                        unknown.add(path);
                    }
                    continue;
                }
                if (label.isEmpty()) {
                    throw new DataException("Row " + line + " of " + csv + " gives " + path + " no label");
                }
                String earlier = names.set(image, label);
                if (earlier != null && !earlier.equals(label)) {
                    throw new DataException(csv + " labels " + path + " both '" + earlier + "' and '" + label + "'");
                }
            }
        } catch (NoSuchFileException e) {
            throw new DataException("Few-labels file not found: " + csv, e);
        } catch (IOException e) {
            throw new DataException("Cannot read few-labels file " + csv + ": " + ImageDecoder.SkipReasons.describe(e), e);
        }
        if (!unknown.isEmpty()) {
            throw new DataException(unknown.size() + " row(s) of " + csv + " name no image of " + root + ", e.g. "
                    + String.join(", ", unknown.subList(0, Math.min(SHOWN, unknown.size()))));
        }
        Labels labels = Labels.fromNames(names);
        if (labels.indices() == null) {
            throw new DataException(csv + " names no image of " + root);
        }
        if (labels.classNames().size() > clusters) {
            throw new DataException(csv + " names " + labels.classNames().size() + " classes, more than the "
                    + clusters + " clusters (class j is cluster j): " + String.join(", ", labels.classNames()));
        }
        return new FewLabelSet(labels.indices(), labels.classNames());
    }

    /** The image a CSV path names: an item name as it is (IDX), or a path resolved against the data folder. */
    private static Integer find(String path, Map<String, Integer> indexOf, Path root) {
        Integer direct = indexOf.get(path);
        if (direct != null) {
            return direct;
        }
        try {
            return indexOf.get(root.resolve(path).normalize().toString());
        } catch (InvalidPathException e) {
            return null;
        }
    }
}
