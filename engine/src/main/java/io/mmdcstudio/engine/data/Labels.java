package io.mmdcstudio.engine.data;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Ground-truth labels for a dataset: one index per image ({@link #UNKNOWN} when an image has none) and the
 * class names. {@code indices == null} means the dataset has no labels at all.
 */
record Labels(int[] indices, List<String> classNames) {

    /** The label of an image whose class is not known. */
    static final int UNKNOWN = -1;

    /** No labels. */
    static final Labels NONE = new Labels(null, List.of());

    /**
     * Labels from one class name (or {@code null}) per image. Class names are sorted, numerically when all of them
     * are integers (so "10" follows "9"), else by their text. Returns {@link #NONE} when no image has a name.
     */
    static Labels fromNames(List<String> namePerImage) {
        TreeSet<String> distinct = new TreeSet<>(classOrder(namePerImage));
        for (String name : namePerImage) {
            if (name != null) {
                distinct.add(name);
            }
        }
        if (distinct.isEmpty()) {
            return NONE;
        }
        List<String> classNames = new ArrayList<>(distinct);
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < classNames.size(); i++) {
            index.put(classNames.get(i), i);
        }
        int[] indices = new int[namePerImage.size()];
        for (int i = 0; i < indices.length; i++) {
            String name = namePerImage.get(i);
            indices[i] = name == null ? UNKNOWN : index.get(name);
        }
        return new Labels(indices, List.copyOf(classNames));
    }

    private static Comparator<String> classOrder(List<String> names) {
        boolean numeric = names.stream().allMatch(n -> n == null || n.matches("-?\\d{1,18}"));
        return numeric ? Comparator.comparingLong(Long::parseLong) : Comparator.naturalOrder();
    }

    /** This dataset's pixels with these labels. */
    ImageDataset applyTo(ImageDataset dataset) {
        return dataset.withLabels(indices, classNames);
    }
}
