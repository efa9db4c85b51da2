package io.mmdcstudio.engine.run;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * One backbone with MMDC's two heads on the same pooled feature: the clustering head (linear, then L2
 * normalisation onto the unit sphere) and the rotation head (four logits for 0/90/180/270 degrees).
 * The forward pass returns both, and the clustering head's raw output before normalisation:
 * {@code [embedding (N, D), rotationLogits (N, 4), clusterLogits (N, D)]}. The few-labels mode reads the raw
 * output as class logits (cluster j is class j), so classification and clustering share one head.
 */
final class MmdcNet extends AbstractBlock {

    private static final byte VERSION = 1;

    private final Block backbone;
    private final Block clusterHead;
    private final Block rotationHead;
    private final int embeddingDim;

    MmdcNet(NetworkKind kind, int width, int embeddingDim) {
        super(VERSION);
        this.embeddingDim = embeddingDim;
        this.backbone = addChildBlock("backbone", Networks.backbone(kind, width));
        this.clusterHead = addChildBlock("clusterHead", Networks.linear(embeddingDim));
        this.rotationHead = addChildBlock("rotationHead", Networks.linear(4));
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
        NDList features = backbone.forward(store, inputs, training, params);
        NDArray raw = clusterHead.forward(store, features, training, params).singletonOrThrow();
        // Unit-sphere embedding; the epsilon keeps the gradient finite for an all-zero output.
        NDArray norm = raw.norm(new int[] {1}, true).clip(1e-12f, Float.MAX_VALUE);
        NDArray embedding = raw.div(norm);
        NDArray rotation = rotationHead.forward(store, features, training, params).singletonOrThrow();
        return new NDList(embedding, rotation, raw);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        long batch = inputShapes[0].get(0);
        return new Shape[] {new Shape(batch, embeddingDim), new Shape(batch, 4), new Shape(batch, embeddingDim)};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        backbone.initialize(manager, dataType, inputShapes);
        Shape[] featureShape = backbone.getOutputShapes(inputShapes);
        clusterHead.initialize(manager, dataType, featureShape);
        rotationHead.initialize(manager, dataType, featureShape);
    }
}
