package io.mmdcstudio.engine.export;

import io.mmdcstudio.engine.results.Assignment;
import io.mmdcstudio.engine.results.RunEdits;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Folder names for clusters: the name a person gave the cluster, made safe for every file system, else
 * {@code cluster-NN} (the zero-based index of assignments.csv). Names that would collide (also when only their
 * case differs, as on Windows and macOS) get a suffix, so two clusters never share a folder.
 */
public final class ClusterFolders {

    private static final int MAX_LENGTH = 80;

    private ClusterFolders() {}

    /** A folder name for each cluster index below {@code k}. */
    public static List<String> of(int k, RunEdits edits) {
        List<String> folders = new ArrayList<>(k);
        Set<String> taken = new HashSet<>();
        int digits = Math.max(2, Integer.toString(k - 1).length());
        for (int c = 0; c < k; c++) {
            String fallback = String.format(Locale.ROOT, "cluster-%0" + digits + "d", c);
            String name = edits.nameOf(c) == null ? fallback : safe(edits.nameOf(c), fallback);
            String unique = name;
            for (int n = 2; !taken.add(unique.toLowerCase(Locale.ROOT)); n++) {
                unique = name + "-" + n;
            }
            folders.add(unique);
        }
        return folders;
    }

    /**
     * A name for each cluster from the most frequent ground-truth label among its images (ties: the label that
     * sorts first), or null for a cluster without labelled images. A suggestion for a person to accept or edit.
     */
    public static List<String> suggestFromLabels(List<Assignment> rows, int k) {
        List<Map<String, Integer>> counts = new ArrayList<>(k);
        for (int c = 0; c < k; c++) {
            counts.add(new HashMap<>());
        }
        for (Assignment r : rows) {
            if (r.label() != null && r.cluster() >= 0 && r.cluster() < k) {
                counts.get(r.cluster()).merge(r.label(), 1, Integer::sum);
            }
        }
        List<String> names = new ArrayList<>(k);
        for (Map<String, Integer> c : counts) {
            names.add(c.entrySet().stream()
                    .max(Map.Entry.<String, Integer>comparingByValue()
                            .thenComparing(Map.Entry.<String, Integer>comparingByKey().reversed()))
                    .map(Map.Entry::getKey).orElse(null));
        }
        return names;
    }

    /** {@code name} without path separators, characters Windows forbids, control characters or edge dots. */
    static String safe(String name, String fallback) {
        StringBuilder s = new StringBuilder();
        name.strip().codePoints().forEach(cp -> s.appendCodePoint(
                cp < 32 || cp == 127 || "/\\:*?\"<>|".indexOf(cp) >= 0 ? '_' : cp));
        String cleaned = s.toString().replaceAll("^[. ]+|[. ]+$", "");
        if (cleaned.length() > MAX_LENGTH) {
            cleaned = cleaned.substring(0, MAX_LENGTH).strip();
        }
        return cleaned.isEmpty() ? fallback : cleaned;
    }
}
