/** Gaussian-mixture targets, linear assignment, k-means++ and clustering metrics: pure Java, no DJL, no JavaFX. */
package io.mmdcstudio.gmm;
