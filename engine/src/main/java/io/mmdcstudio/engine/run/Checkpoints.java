package io.mmdcstudio.engine.run;

import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import com.fasterxml.jackson.core.type.TypeReference;
import io.mmdcstudio.engine.data.ImageDataset;
import io.mmdcstudio.engine.io.AtomicFiles;
import io.mmdcstudio.engine.io.Json;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * A checkpoint after every epoch, written atomically, from which a run resumes exactly where it stopped: the
 * weights (with BatchNorm statistics), the momentum buffers, the targets table and the history. A checkpoint
 * only resumes the same data (fingerprint) with the same config (apart from the number of epochs).
 */
final class Checkpoints {

    private static final String MAGIC = "MMDC-CHECKPOINT";
    private static final int FORMAT = 1;

    private final Path file;
    private final ImageDataset data;
    private final RunConfig config;

    Checkpoints(Path file, ImageDataset data, RunConfig config) {
        this.file = file;
        this.data = data;
        this.config = config;
    }

    void save(MmdcNet net, SgdMomentum optimizer, TrainingState state) throws IOException {
        if (file == null) {
            return;
        }
        AtomicFiles.write(file, raw -> {
            DataOutputStream out = new DataOutputStream(raw);
            out.writeUTF(MAGIC);
            out.writeInt(FORMAT);
            out.writeUTF(data.fingerprint());
            writeBytes(out, Json.mapper().writeValueAsBytes(config.withEpochs(1)));
            out.writeInt(state.epochsCompleted);
            out.writeBoolean(state.refined);
            writeTargets(out, state);
            writeInts(out, state.lastClusters);
            out.writeDouble(state.bestScore);
            out.writeInt(state.bestEpoch);
            writeBytes(out, state.bestParameters);
            writeBytes(out, Json.mapper().writeValueAsBytes(state.history));
            writeBytes(out, parameterBytes(net));
            writeBytes(out, optimizer.velocities().encode());
            out.flush();
        });
    }

    /** Loads the checkpoint into the fresh network and state; returns the epoch to continue with. */
    int restore(MmdcNet net, SgdMomentum optimizer, NDManager manager, TrainingState state) throws IOException {
        if (file == null || !Files.exists(file)) {
            return 0;
        }
        try (InputStream raw = new java.io.BufferedInputStream(Files.newInputStream(file))) {
            DataInputStream in = new DataInputStream(raw);
            readHeader(in, file);
            checkMatches(in.readUTF(), Json.mapper().readValue(readBytes(in), RunConfig.class));
            state.epochsCompleted = in.readInt();
            state.refined = in.readBoolean();
            readTargets(in, state);
            state.lastClusters = readInts(in);
            state.bestScore = in.readDouble();
            state.bestEpoch = in.readInt();
            state.bestParameters = readBytes(in);
            state.history.clear();
            state.history.addAll(Json.mapper().readValue(readBytes(in), new TypeReference<List<RunEvents.EpochEnded>>() {}));
            loadParameterBytes(net, manager, readBytes(in));
            try (NDManager scratch = manager.newSubManager()) {
                optimizer.restore(NDList.decode(scratch, readBytes(in)));
            }
            return state.epochsCompleted;
        } catch (java.io.EOFException e) {
            throw new IOException("Checkpoint " + file + " is truncated", e);
        }
    }

    /**
     * The weights a finished or interrupted run's result came from: the kept (best) epoch's when the run kept one,
     * else the last epoch's. Used to continue training with corrections.
     */
    static byte[] keptWeights(Path file) throws IOException {
        try (InputStream raw = new java.io.BufferedInputStream(Files.newInputStream(file))) {
            DataInputStream in = new DataInputStream(raw);
            readHeader(in, file);
            in.readUTF(); // data fingerprint: corrections may continue on a grown or shrunk folder
            readBytes(in); // config
            in.readInt(); // epochs completed
            in.readBoolean(); // refined
            int n = in.readInt();
            int d = in.readInt();
            in.skipNBytes(4L * n * d);
            readInts(in); // target components
            readInts(in); // last clusters
            in.readDouble(); // best score
            in.readInt(); // best epoch
            byte[] best = readBytes(in);
            readBytes(in); // history
            byte[] last = readBytes(in);
            return best != null ? best : last;
        } catch (java.io.EOFException e) {
            throw new IOException("Checkpoint " + file + " is truncated", e);
        }
    }

    /** Reads and checks the magic and format version that open every checkpoint. */
    private static void readHeader(DataInputStream in, Path file) throws IOException {
        if (!MAGIC.equals(in.readUTF())) {
            throw new IOException("Not an MMDC Studio checkpoint: " + file);
        }
        int format = in.readInt();
        if (format != FORMAT) {
            throw new IOException("Checkpoint " + file + " has format " + format + "; this version reads " + FORMAT);
        }
    }

    private void checkMatches(String fingerprint, RunConfig saved) throws IOException {
        if (!fingerprint.equals(data.fingerprint())) {
            throw new IOException("Checkpoint " + file + " belongs to other data (fingerprint " + fingerprint + ")");
        }
        if (!Objects.equals(saved, config.withEpochs(1))) {
            throw new IOException("Checkpoint " + file + " was made with another configuration; start a new run"
                    + " or use the same settings (only the number of epochs may change)");
        }
    }

    static byte[] parameterBytes(MmdcNet net) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            net.saveParameters(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static void loadParameterBytes(MmdcNet net, NDManager manager, byte[] bytes) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            net.loadParameters(manager, in);
            // Loaded arrays are new tensors: trainable ones must record gradients again.
            for (var entry : net.getParameters()) {
                if (entry.getValue().requiresGradient()) {
                    entry.getValue().getArray().setRequiresGradient(true);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (MalformedModelException e) {
            throw new IllegalStateException("saved weights do not fit the network", e);
        }
    }

    private static void writeTargets(DataOutputStream out, TrainingState state) throws IOException {
        out.writeInt(state.targets.length);
        out.writeInt(state.targets.length == 0 ? 0 : state.targets[0].length);
        for (float[] t : state.targets) {
            for (float v : t) {
                out.writeFloat(v);
            }
        }
        writeInts(out, state.components);
    }

    private static void readTargets(DataInputStream in, TrainingState state) throws IOException {
        int n = in.readInt();
        int d = in.readInt();
        if (n != state.targets.length || (n > 0 && d != state.targets[0].length)) {
            throw new IOException("checkpoint targets table is " + n + " x " + d + ", expected "
                    + state.targets.length + " x " + (n > 0 ? state.targets[0].length : 0));
        }
        float[][] t = new float[n][d];
        for (float[] row : t) {
            for (int j = 0; j < d; j++) {
                row[j] = in.readFloat();
            }
        }
        state.targets = t;
        state.components = readInts(in);
    }

    private static void writeInts(DataOutputStream out, int[] values) throws IOException {
        out.writeInt(values == null ? -1 : values.length);
        if (values != null) {
            for (int v : values) {
                out.writeInt(v);
            }
        }
    }

    private static int[] readInts(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0) {
            return null;
        }
        int[] values = new int[n];
        for (int i = 0; i < n; i++) {
            values[i] = in.readInt();
        }
        return values;
    }

    private static void writeBytes(DataOutputStream out, byte[] bytes) throws IOException {
        out.writeInt(bytes == null ? -1 : bytes.length);
        if (bytes != null) {
            out.write(bytes);
        }
    }

    private static byte[] readBytes(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0) {
            return null;
        }
        return in.readNBytes(n);
    }
}
