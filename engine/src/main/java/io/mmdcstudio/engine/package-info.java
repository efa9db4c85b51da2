/** The MMDC engine: datasets, networks and the training run. No DJL type appears in its public API. */
package io.mmdcstudio.engine;
