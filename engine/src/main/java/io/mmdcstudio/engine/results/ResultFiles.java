package io.mmdcstudio.engine.results;

import io.mmdcstudio.engine.io.AtomicFiles;
import io.mmdcstudio.engine.io.Json;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Reads and writes a run folder: {@code run.json} (the manifest), {@code assignments.csv}
 * ({@code item,cluster,confidence[,label]}) and {@code embeddings.f32} (the eval-view embeddings, for the map).
 * Every file is written atomically; the manifest last, so a folder with a manifest is complete.
 */
public final class ResultFiles {

    /** Manifest file name. */
    public static final String MANIFEST = "run.json";
    /** Assignments file name. */
    public static final String ASSIGNMENTS = "assignments.csv";
    /** Embeddings file name: magic "MMDCEMB1", int32 n, int32 d, then n*d float32, little-endian. */
    public static final String EMBEDDINGS = "embeddings.f32";

    private static final byte[] EMBEDDING_MAGIC = "MMDCEMB1".getBytes(StandardCharsets.US_ASCII);

    private ResultFiles() {}

    /** Writes the whole run folder (created if needed); {@code embeddings} may be null. */
    public static void write(Path dir, RunManifest manifest, List<Assignment> rows, float[][] embeddings)
            throws IOException {
        Files.createDirectories(dir);
        boolean withLabels = rows.stream().anyMatch(r -> r.label() != null);
        AtomicFiles.write(dir.resolve(ASSIGNMENTS), out -> writeCsv(out, rows, withLabels));
        if (embeddings != null) {
            AtomicFiles.write(dir.resolve(EMBEDDINGS), out -> out.write(encodeEmbeddings(embeddings)));
        }
        AtomicFiles.write(dir.resolve(MANIFEST), Json.mapper().writeValueAsBytes(manifest));
    }

    private static void writeCsv(java.io.OutputStream out, List<Assignment> rows, boolean withLabels) throws IOException {
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        w.write(withLabels ? "item,cluster,confidence,label\n" : "item,cluster,confidence\n");
        for (Assignment r : rows) {
            w.write(csv(r.item()));
            w.write(',');
            w.write(Integer.toString(r.cluster()));
            w.write(',');
            w.write(String.format(Locale.ROOT, "%.4f", r.confidence()));
            if (withLabels) {
                w.write(',');
                w.write(r.label() == null ? "" : csv(r.label()));
            }
            w.write('\n');
        }
        w.flush();
    }

    /** RFC 4180 quoting: only when the value holds a comma, quote, or line break. */
    static String csv(String value) {
        if (value.indexOf(',') < 0 && value.indexOf('"') < 0 && value.indexOf('\n') < 0 && value.indexOf('\r') < 0) {
            return value;
        }
        return '"' + value.replace("\"", "\"\"") + '"';
    }

    private static byte[] encodeEmbeddings(float[][] e) {
        int n = e.length;
        int d = n == 0 ? 0 : e[0].length;
        ByteBuffer buf = ByteBuffer.allocate(EMBEDDING_MAGIC.length + 8 + n * d * 4).order(ByteOrder.LITTLE_ENDIAN);
        buf.put(EMBEDDING_MAGIC).putInt(n).putInt(d);
        for (float[] row : e) {
            for (float v : row) {
                buf.putFloat(v);
            }
        }
        return buf.array();
    }

    /** Reads a run folder's manifest, refusing other formats and newer versions with a clear message. */
    public static RunManifest readManifest(Path dir) throws IOException {
        Path file = dir.resolve(MANIFEST);
        if (!Files.isRegularFile(file)) {
            throw new IOException("No " + MANIFEST + " in " + dir + ": not a finished run folder");
        }
        com.fasterxml.jackson.databind.JsonNode node = Json.mapper().readTree(file.toFile());
        if (!RunManifest.FORMAT.equals(node.path("format").asText())) {
            throw new IOException(file + " is not an MMDC Studio run file");
        }
        int version = node.path("formatVersion").asInt(-1);
        if (version > RunManifest.FORMAT_VERSION) {
            throw new IOException(file + " was written by a newer MMDC Studio (format " + version
                    + "); this version reads up to " + RunManifest.FORMAT_VERSION);
        }
        return Json.mapper().treeToValue(node, RunManifest.class);
    }

    /** Reads {@code embeddings.f32} of a run folder. */
    public static float[][] readEmbeddings(Path dir) throws IOException {
        byte[] bytes = Files.readAllBytes(dir.resolve(EMBEDDINGS));
        ByteBuffer buf = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        byte[] magic = new byte[EMBEDDING_MAGIC.length];
        if (bytes.length < magic.length + 8) {
            throw new IOException("Embeddings file is truncated: " + dir.resolve(EMBEDDINGS));
        }
        buf.get(magic);
        if (!java.util.Arrays.equals(magic, EMBEDDING_MAGIC)) {
            throw new IOException("Not an MMDC Studio embeddings file: " + dir.resolve(EMBEDDINGS));
        }
        int n = buf.getInt();
        int d = buf.getInt();
        if (n < 0 || d < 0 || (long) n * d * 4 != buf.remaining()) {
            throw new IOException("Embeddings file is truncated or corrupt: " + dir.resolve(EMBEDDINGS));
        }
        float[][] e = new float[n][d];
        for (float[] row : e) {
            for (int j = 0; j < d; j++) {
                row[j] = buf.getFloat();
            }
        }
        return e;
    }
}
