package io.mmdcstudio.engine.results;

/**
 * One row of {@code assignments.csv}.
 *
 * @param item       the image: its path, or "file#index" for IDX records
 * @param cluster    zero-based cluster index
 * @param confidence in [0, 1]
 * @param label      ground-truth label name, or null when unknown
 */
public record Assignment(String item, int cluster, double confidence, String label) {}
