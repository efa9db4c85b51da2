/**
 * Gaussian-mixture targets, linear assignment, k-means++, PCA and clustering metrics: pure Java on plain
 * arrays and records, with Commons Math as the only dependency (no DJL, no JavaFX, no Jackson).
 */
package io.mmdcstudio.gmm;
