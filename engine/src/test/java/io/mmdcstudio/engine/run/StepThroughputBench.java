package io.mmdcstudio.engine.run;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import java.util.Arrays;
import java.util.Locale;

/**
 * Benchmark (not a test): images per second of MMDC Studio's clustering training step, the same step that
 * bench/throughput/torch_step.py times in PyTorch. Args: batch size width k channels steps repeats [stream].
 * Prints one line: "djl <img/s median> <img/s per repeat...>"; with stream = 1, first one line "rate <img/s>" as
 * each repeat ends (bench/map/run.sh switches the map on and off between repeats).
 */
public final class StepThroughputBench {

    private StepThroughputBench() {}

    public static void main(String[] args) {
        int batch = arg(args, 0, 256);
        int size = arg(args, 1, 32);
        int width = arg(args, 2, 16);
        int k = arg(args, 3, 10);
        int channels = arg(args, 4, 1);
        int steps = arg(args, 5, 30);
        int repeats = arg(args, 6, 5);
        boolean stream = arg(args, 7, 0) == 1;
        Engine.getEngine("PyTorch").setRandomSeed(1);
        JniUtils.setGradMode(false);
        try (Model model = Model.newInstance("bench", Device.cpu(), "PyTorch")) {
            MmdcNet net = new MmdcNet(NetworkKind.COMPACT, width, k);
            model.setBlock(net);
            NDManager root = model.getNDManager();
            net.initialize(root, DataType.FLOAT32, new Shape(1, channels, size, size));
            SgdMomentum sgd = new SgdMomentum(net.getParameters(), root, 0.9f, 5e-4f);
            ParameterStore store = new ParameterStore(root, false);
            float[] x = new float[batch * channels * size * size];
            float[] y = new float[batch * k];
            java.util.SplittableRandom rng = new java.util.SplittableRandom(1);
            for (int i = 0; i < x.length; i++) {
                x[i] = (float) rng.nextDouble();
            }
            for (int i = 0; i < batch; i++) {
                y[i * k + rng.nextInt(k)] = 1f;
            }
            Runnable step = () -> {
                try (NDManager m = root.newSubManager()) {
                    NDArray in = m.create(x, new Shape(batch, channels, size, size));
                    NDArray target = m.create(y, new Shape(batch, k));
                    try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                        NDArray emb = net.forward(store, new NDList(in), true).get(0);
                        gc.backward(emb.sub(target).square().mean());
                    }
                    sgd.step(0.05f);
                }
            };
            for (int i = 0; i < 5; i++) {
                step.run();
            }
            double[] rates = new double[repeats];
            for (int r = 0; r < repeats; r++) {
                long t0 = System.nanoTime();
                for (int i = 0; i < steps; i++) {
                    step.run();
                }
                rates[r] = steps * (double) batch / ((System.nanoTime() - t0) / 1e9);
                if (stream) {
                    System.out.printf(Locale.ROOT, "rate %.1f%n", rates[r]);
                    System.out.flush();
                }
            }
            double[] sorted = rates.clone();
            Arrays.sort(sorted);
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "djl %.1f", sorted[repeats / 2]));
            for (double rate : rates) {
                line.append(String.format(Locale.ROOT, " %.1f", rate));
            }
            System.out.println(line);
        }
    }

    private static int arg(String[] args, int i, int fallback) {
        return args.length > i ? Integer.parseInt(args[i]) : fallback;
    }
}
