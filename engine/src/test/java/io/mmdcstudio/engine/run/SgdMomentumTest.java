package io.mmdcstudio.engine.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.GradientCollector;
import ai.djl.util.PairList;
import org.junit.jupiter.api.Test;

class SgdMomentumTest {

    /** Two steps of loss = sum(w * c) checked against PyTorch's SGD formula by hand. */
    @Test
    void followsPyTorchMomentumAndDecaysOnlyWeights() {
        try (NDManager m = NDManager.newBaseManager("PyTorch")) {
            JniUtils.setGradMode(false); // the engine (and its JNI library) is loaded by now
            Parameter weight = Parameter.builder().setName("w").setType(Parameter.Type.WEIGHT).build();
            Parameter bias = Parameter.builder().setName("b").setType(Parameter.Type.BIAS).build();
            weight.setArray(m.create(new float[] {1f, -2f}));
            bias.setArray(m.create(new float[] {0.5f}));
            weight.getArray().setRequiresGradient(true);
            bias.getArray().setRequiresGradient(true);
            PairList<String, Parameter> params = new PairList<>();
            params.add("w", weight);
            params.add("b", bias);
            SgdMomentum sgd = new SgdMomentum(params, m, 0.9f, 0.1f);
            NDArray c = m.create(new float[] {3f, 4f});
            for (int step = 0; step < 2; step++) {
                try (NDManager batch = m.newSubManager(); GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                    NDArray loss = weight.getArray().mul(c).sum().add(bias.getArray().mul(2f).sum());
                    gc.backward(loss);
                }
                sgd.step(0.01f);
            }
            // w: g = c; v1 = g + 0.1 w0; w1 = w0 - 0.01 v1; v2 = 0.9 v1 + g + 0.1 w1; w2 = w1 - 0.01 v2
            float[] w0 = {1f, -2f};
            float[] expectedW = new float[2];
            for (int i = 0; i < 2; i++) {
                float g = i == 0 ? 3f : 4f;
                float v1 = g + 0.1f * w0[i];
                float w1 = w0[i] - 0.01f * v1;
                float v2 = 0.9f * v1 + g + 0.1f * w1;
                expectedW[i] = w1 - 0.01f * v2;
            }
            assertArrayEquals(expectedW, weight.getArray().toFloatArray(), 1e-5f);
            // bias: no decay; g = 2; v1 = 2; b1 = 0.48; v2 = 3.8; b2 = 0.442
            assertArrayEquals(new float[] {0.442f}, bias.getArray().toFloatArray(), 1e-5f);
        }
    }
}
