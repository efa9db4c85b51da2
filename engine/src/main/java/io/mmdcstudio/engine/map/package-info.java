/**
 * The map: a 2-D t-SNE layout of the embeddings, fast enough to redraw after every epoch beside training.
 * Plain Java on {@code float}/{@code double} arrays and records; no DJL and no JavaFX.
 *
 * <p>Entry point: {@link io.mmdcstudio.engine.map.Tsne#layout}. Settings: {@link io.mmdcstudio.engine.map.TsneConfig};
 * result: {@link io.mmdcstudio.engine.map.MapLayout}.
 */
package io.mmdcstudio.engine.map;
