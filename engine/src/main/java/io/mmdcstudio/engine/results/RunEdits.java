package io.mmdcstudio.engine.results;

import com.fasterxml.jackson.databind.JsonNode;
import io.mmdcstudio.engine.io.AtomicFiles;
import io.mmdcstudio.engine.io.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A person's corrections of a run, kept beside it in {@code edits.json}: cluster names, merged clusters, images
 * moved to another cluster, and pinned images. The run's own files stay as the network left them; export, the
 * window and "continue training with corrections" read the result through these edits.
 *
 * @param format        always "mmdc-studio-edits"
 * @param formatVersion layout version (readers refuse newer ones)
 * @param names         cluster index to the name a person gave it
 * @param merged        cluster index to the cluster it was merged into
 * @param moved         item to the cluster a person moved it to
 * @param pinned        items a person confirmed in their (effective) cluster
 */
public record RunEdits(String format, int formatVersion, Map<Integer, String> names, Map<Integer, Integer> merged,
        Map<String, Integer> moved, Set<String> pinned) {

    /** File name inside a run folder. */
    public static final String FILE = "edits.json";
    /** The value of {@link #format}. */
    public static final String FORMAT = "mmdc-studio-edits";
    /** The layout version this code writes and reads. */
    public static final int FORMAT_VERSION = 1;

    public RunEdits {
        names = Map.copyOf(names == null ? Map.of() : names);
        merged = Map.copyOf(merged == null ? Map.of() : merged);
        moved = Map.copyOf(moved == null ? Map.of() : moved);
        pinned = Set.copyOf(pinned == null ? Set.of() : pinned);
    }

    /** No corrections. */
    public static RunEdits none() {
        return new RunEdits(FORMAT, FORMAT_VERSION, Map.of(), Map.of(), Map.of(), Set.of());
    }

    /** The cluster an image ends up in: a move wins, then merges are followed to the surviving cluster. */
    public int clusterOf(String item, int networkCluster) {
        Integer m = moved.get(item);
        return survivor(m != null ? m : networkCluster);
    }

    /** The cluster that {@code cluster} was (transitively) merged into, or itself. */
    public int survivor(int cluster) {
        int c = cluster;
        Set<Integer> seen = new HashSet<>();
        while (merged.containsKey(c) && seen.add(c)) {
            c = merged.get(c);
        }
        return c;
    }

    /** The name a person gave {@code cluster}, or null. */
    public String nameOf(int cluster) {
        return names.get(cluster);
    }

    /** Whether a person pinned {@code item}. */
    public boolean isPinned(String item) {
        return pinned.contains(item);
    }

    /** Whether a person labelled {@code item}: moved or pinned it (what training then takes as fixed). */
    public boolean isLabelled(String item) {
        return pinned.contains(item) || moved.containsKey(item);
    }

    /** Whether there is anything to apply. */
    @com.fasterxml.jackson.annotation.JsonIgnore
    public boolean isEmpty() {
        return names.isEmpty() && merged.isEmpty() && moved.isEmpty() && pinned.isEmpty();
    }

    /** These edits with {@code cluster} named {@code name} (blank removes the name). */
    public RunEdits withName(int cluster, String name) {
        Map<Integer, String> n = new TreeMap<>(names);
        if (name == null || name.isBlank()) {
            n.remove(cluster);
        } else {
            n.put(cluster, name.strip());
        }
        return new RunEdits(format, formatVersion, n, merged, moved, pinned);
    }

    /** These edits with cluster {@code from} merged into {@code into}; refuses a merge into itself. */
    public RunEdits withMerge(int from, int into) {
        int target = survivor(into);
        if (survivor(from) == target) {
            throw new IllegalArgumentException("cluster " + from + " is already part of cluster " + target);
        }
        Map<Integer, Integer> m = new TreeMap<>(merged);
        m.put(survivor(from), target);
        return new RunEdits(format, formatVersion, names, m, moved, pinned);
    }

    /** These edits with {@code items} moved to {@code cluster}. */
    public RunEdits withMoved(List<String> items, int cluster) {
        Map<String, Integer> m = new TreeMap<>(moved);
        items.forEach(item -> m.put(item, cluster));
        return new RunEdits(format, formatVersion, names, merged, m, pinned);
    }

    /** These edits with {@code items} pinned ({@code pin}) or unpinned. */
    public RunEdits withPinned(List<String> items, boolean pin) {
        Set<String> p = new LinkedHashSet<>(pinned);
        if (pin) {
            p.addAll(items);
        } else {
            items.forEach(p::remove);
        }
        return new RunEdits(format, formatVersion, names, merged, moved, p);
    }

    /**
     * These edits with {@code items} labelled as examples of {@code cluster}: moved there and pinned, which is what
     * "continue with corrections" and few-label training read as a person's word on an image.
     */
    public RunEdits withLabel(List<String> items, int cluster) {
        return withMoved(items, cluster).withPinned(items, true);
    }

    /** These edits with {@code items} neither moved nor pinned: back in the cluster the network chose. */
    public RunEdits withoutLabel(List<String> items) {
        Map<String, Integer> m = new TreeMap<>(moved);
        items.forEach(m::remove);
        return new RunEdits(format, formatVersion, names, merged, m, pinned).withPinned(items, false);
    }

    /** How many images a person moved or pinned: the images training takes as fixed (labelled). */
    public int labelledCount() {
        Set<String> all = new HashSet<>(moved.keySet());
        all.addAll(pinned);
        return all.size();
    }

    /** The assignments with these edits applied (cluster indices as the network's, after moves and merges). */
    public List<Assignment> apply(List<Assignment> rows) {
        List<Assignment> out = new ArrayList<>(rows.size());
        for (Assignment r : rows) {
            out.add(new Assignment(r.item(), clusterOf(r.item(), r.cluster()), r.confidence(), r.label()));
        }
        return out;
    }

    /**
     * Per image of a dataset ({@code items}, in dataset order), the cluster a person fixed by moving or pinning it,
     * or -1. {@code rows} are the earlier run's assignments, which give a pinned image its cluster. Corrections
     * naming images the dataset no longer holds are left out.
     */
    public int[] fixedClusters(List<String> items, List<Assignment> rows) {
        Map<String, Integer> index = new java.util.HashMap<>(items.size() * 2);
        for (int i = 0; i < items.size(); i++) {
            index.put(items.get(i), i);
        }
        int[] fixed = new int[items.size()];
        java.util.Arrays.fill(fixed, -1);
        for (Assignment r : rows) {
            Integer i = index.get(r.item());
            if (i != null && isLabelled(r.item())) {
                fixed[i] = clusterOf(r.item(), r.cluster());
            }
        }
        return fixed;
    }

    /** Reads {@code dir/edits.json}; a run without one has no edits. Corrupt or newer files are refused clearly. */
    public static RunEdits read(Path dir) throws IOException {
        Path file = dir.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return none();
        }
        JsonNode node = Json.readTree(file);
        Json.requireFormat(file, node, FORMAT, FORMAT_VERSION);
        return Json.mapper().treeToValue(node, RunEdits.class);
    }

    /** Writes these edits atomically to {@code dir/edits.json}. */
    public void write(Path dir) throws IOException {
        AtomicFiles.write(dir.resolve(FILE), Json.mapper().writeValueAsBytes(this));
    }
}
