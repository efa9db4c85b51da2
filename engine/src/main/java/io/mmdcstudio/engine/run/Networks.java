package io.mmdcstudio.engine.run;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.nn.Parameter;
import ai.djl.nn.ParallelBlock;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.nn.pooling.Pool;
import ai.djl.training.initializer.ConstantInitializer;
import ai.djl.training.initializer.NormalInitializer;
import ai.djl.training.initializer.XavierInitializer;
import java.util.List;

/**
 * Builds the backbones of MMDC-ALGORITHM.md with the reference initialisation: Kaiming-normal convolutions
 * (fan-out, gain for ReLU), BatchNorm weight 1 and bias 0, linear weights N(0, 0.01²) and bias 0.
 */
final class Networks {

    private static final Shape K3 = new Shape(3, 3);
    private static final Shape K1 = new Shape(1, 1);

    private Networks() {}

    /** The backbone for {@code kind} (resolved), ending in a flat pooled feature vector. */
    static Block backbone(NetworkKind kind, int width) {
        return switch (kind) {
            case COMPACT, VGG_SMALL -> vgg(width);
            case RESNET18 -> resnet18(width);
            case REFERENCE -> throw new IllegalArgumentException("resolve REFERENCE against the data first");
        };
    }

    /** Number of features the backbone emits. */
    static int featureSize(int width) {
        return width * 8; // both families end with a stage of 8x the base width
    }

    /** A linear layer with the reference head initialisation. */
    static Block linear(int units) {
        Linear linear = Linear.builder().setUnits(units).build();
        linear.setInitializer(new NormalInitializer(0.01f), Parameter.Type.WEIGHT);
        linear.setInitializer(new ConstantInitializer(0f), Parameter.Type.BIAS);
        return linear;
    }

    /** Four [conv3x3, BN, ReLU, max-pool 2] stages of width, 2w, 4w, 8w channels, then global average pool. */
    private static Block vgg(int width) {
        SequentialBlock net = new SequentialBlock();
        for (int stage = 0; stage < 4; stage++) {
            net.add(conv(width << stage, K3, 1, 1))
                    .add(batchNorm())
                    .add(Activation.reluBlock())
                    .add(Pool.maxPool2dBlock(new Shape(2, 2), new Shape(2, 2)));
        }
        return net.add(Pool.globalAvgPool2dBlock()).add(Blocks.batchFlattenBlock());
    }

    /** ResNet-18 as in the reference: 3x3 stem, max-pool, four stages of two basic blocks, global average pool. */
    private static Block resnet18(int width) {
        SequentialBlock net = new SequentialBlock()
                .add(conv(width, K3, 1, 1))
                .add(batchNorm())
                .add(Activation.reluBlock())
                .add(Pool.maxPool2dBlock(K3, new Shape(2, 2), new Shape(1, 1)));
        for (int stage = 0; stage < 4; stage++) {
            int channels = width << stage;
            int stride = stage == 0 ? 1 : 2;
            net.add(basicBlock(channels, stride, stage > 0)).add(basicBlock(channels, 1, false));
        }
        return net.add(Pool.globalAvgPool2dBlock()).add(Blocks.batchFlattenBlock());
    }

    private static Block basicBlock(int channels, int stride, boolean projectShortcut) {
        SequentialBlock main = new SequentialBlock()
                .add(conv(channels, K3, stride, 1))
                .add(batchNorm())
                .add(Activation.reluBlock())
                .add(conv(channels, K3, 1, 1))
                .add(batchNorm());
        Block shortcut = projectShortcut
                ? new SequentialBlock().add(conv(channels, K1, stride, 0)).add(batchNorm())
                : Blocks.identityBlock();
        return new ParallelBlock(Networks::addThenRelu, List.of(main, shortcut));
    }

    private static NDList addThenRelu(List<NDList> branches) {
        NDArray sum = branches.get(0).singletonOrThrow().add(branches.get(1).singletonOrThrow());
        return new NDList(Activation.relu(sum));
    }

    private static Block conv(int filters, Shape kernel, int stride, int pad) {
        Conv2d conv = Conv2d.builder()
                .setKernelShape(kernel)
                .optStride(new Shape(stride, stride))
                .optPadding(new Shape(pad, pad))
                .setFilters(filters)
                .optBias(false)
                .build();
        conv.setInitializer(
                new XavierInitializer(XavierInitializer.RandomType.GAUSSIAN, XavierInitializer.FactorType.OUT, 2f),
                Parameter.Type.WEIGHT);
        return conv;
    }

    private static Block batchNorm() {
        BatchNorm bn = BatchNorm.builder().optMomentum(0.9f).optEpsilon(1e-5f).build();
        bn.setInitializer(new ConstantInitializer(1f), Parameter.Type.GAMMA);
        bn.setInitializer(new ConstantInitializer(0f), Parameter.Type.BETA);
        return bn;
    }
}
