package io.mmdcstudio.engine.run;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import ai.djl.util.PairList;
import java.util.ArrayList;
import java.util.List;

/**
 * SGD with momentum as the reference uses it (PyTorch semantics: v = m·v + g + wd·w; w -= lr·v), with weight
 * decay on convolution and linear weights only: BatchNorm parameters and biases are not decayed.
 *
 * <p>DJL's own optimiser applies one weight decay to every parameter, hence this class. The momentum buffers
 * live in the model's manager so they survive every per-batch scope, and can be saved with a checkpoint.
 */
final class SgdMomentum {

    private final List<Slot> slots = new ArrayList<>();
    private final float momentum;
    private final float weightDecay;

    private record Slot(String name, Parameter parameter, boolean decay, NDArray velocity) {}

    SgdMomentum(PairList<String, Parameter> parameters, NDManager stateManager, float momentum, float weightDecay) {
        this.momentum = momentum;
        this.weightDecay = weightDecay;
        for (Pair<String, Parameter> entry : parameters) {
            Parameter p = entry.getValue();
            if (!p.requiresGradient()) {
                continue;
            }
            boolean decay = p.getType() == Parameter.Type.WEIGHT;
            NDArray velocity = stateManager.zeros(p.getArray().getShape(), p.getArray().getDataType());
            slots.add(new Slot(entry.getKey(), p, decay, velocity));
        }
    }

    /** Applies one update with the gradients accumulated since the last step, then zeroes them. */
    void step(float learningRate) {
        for (Slot slot : slots) {
            NDArray weight = slot.parameter().getArray();
            float wd = slot.decay() ? weightDecay : 0f;
            try (NDArray grad = weight.getGradient()) {
                // Fused PyTorch SGD update (weight and velocity in place; rescale 1, no clipping), which
                // also zeroes the weight's gradient for the next step.
                weight.getNDArrayInternal().sgdUpdate(
                        new NDList(weight, grad, slot.velocity()),
                        new NDList(weight),
                        learningRate, wd, 1f, Float.POSITIVE_INFINITY, momentum, false);
            }
        }
    }

    /** The momentum buffers in parameter order, for checkpoints. */
    NDList velocities() {
        NDList list = new NDList();
        for (Slot slot : slots) {
            list.add(slot.velocity());
        }
        return list;
    }

    /** Restores the momentum buffers from a checkpoint (same parameter order and shapes). */
    void restore(NDList saved) {
        if (saved.size() != slots.size()) {
            throw new IllegalArgumentException("checkpoint has " + saved.size() + " momentum buffers, model has " + slots.size());
        }
        for (int i = 0; i < slots.size(); i++) {
            slots.get(i).velocity().set(saved.get(i).toFloatArray());
        }
    }
}
