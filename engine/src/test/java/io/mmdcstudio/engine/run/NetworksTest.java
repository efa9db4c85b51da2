package io.mmdcstudio.engine.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NetworksTest {

    @ParameterizedTest
    @CsvSource({"COMPACT,16,1,32", "VGG_SMALL,32,1,32", "RESNET18,64,3,32", "COMPACT,16,3,64"})
    void everyBackboneGivesUnitEmbeddingsAndFourRotationLogits(NetworkKind kind, int width, int channels, int size) {
        try (Model model = Model.newInstance("t", Device.cpu(), "PyTorch")) {
            MmdcNet net = new MmdcNet(kind, width, 10);
            model.setBlock(net);
            NDManager m = model.getNDManager();
            net.initialize(m, DataType.FLOAT32, new Shape(1, channels, size, size));
            NDList out = net.forward(new ParameterStore(m, false),
                    new NDList(m.randomUniform(0, 1, new Shape(3, channels, size, size))), false);
            assertEquals(new Shape(3, 10), out.get(0).getShape());
            assertEquals(new Shape(3, 4), out.get(1).getShape());
            float[] norms = out.get(0).norm(new int[] {1}).toFloatArray();
            for (float n : norms) {
                assertEquals(1f, n, 1e-4f);
            }
        }
    }

    @Test
    void resnet18HasTheReferenceParameterCount() {
        // torchvision-style ResNet-18 body with a 3x3 stem on 3 channels: 11,168,832 conv+BN parameters
        // (the 7x7 stem has 9,408 conv weights; a 3x3 one has 1,728: 11,689,512 - 1000*513 - 9,408 + 1,728).
        try (Model model = Model.newInstance("t", Device.cpu(), "PyTorch")) {
            MmdcNet net = new MmdcNet(NetworkKind.RESNET18, 64, 10);
            model.setBlock(net);
            net.initialize(model.getNDManager(), DataType.FLOAT32, new Shape(1, 3, 32, 32));
            long trainable = net.getParameters().stream()
                    .filter(p -> p.getValue().requiresGradient())
                    .mapToLong(p -> p.getValue().getArray().size())
                    .sum();
            long heads = 512L * 10 + 10 + 512L * 4 + 4;
            assertEquals(11_168_832L + heads, trainable);
        }
    }

    @Test
    void referenceNetworkFollowsTheData() {
        assertEquals(NetworkKind.VGG_SMALL, NetworkKind.REFERENCE.resolve(1));
        assertEquals(NetworkKind.RESNET18, NetworkKind.REFERENCE.resolve(3));
        assertEquals(NetworkKind.COMPACT, NetworkKind.COMPACT.resolve(3));
    }
}
