package io.mmdcstudio.views.run;

import io.mmdcstudio.gmm.ClusteringMetrics.Scores;

/**
 * The pixel k-means baseline on the open data: the reference point for MMDC's accuracy.
 *
 * @param k       clusters it used
 * @param scores  ACC, NMI, ARI against the labels
 * @param seconds time it took
 */
public record BaselineScore(int k, Scores scores, double seconds) {}
