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
    /** Default name of a map written by {@code mmdc map}: {@code item,x,y,cluster}. */
    public static final String MAP = "map.csv";

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

    /** A CSV field: RFC 4180 quoting where needed; null becomes an empty field. */
    public static String csvField(String value) {
        return value == null ? "" : csv(value);
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
        com.fasterxml.jackson.databind.JsonNode node = Json.readTree(file);
        Json.requireFormat(file, node, RunManifest.FORMAT, RunManifest.FORMAT_VERSION);
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

    /**
     * Reads {@code assignments.csv} of a run folder (RFC 4180: quoted fields may hold commas, doubled quotes and
     * line breaks). An empty label reads as null.
     */
    public static List<Assignment> readAssignments(Path dir) throws IOException {
        Path file = dir.resolve(ASSIGNMENTS);
        List<List<String>> records = parseCsv(Files.readString(file, StandardCharsets.UTF_8), file);
        if (records.isEmpty() || records.get(0).size() < 3 || !records.get(0).get(0).equals("item")
                || !records.get(0).get(1).equals("cluster") || !records.get(0).get(2).equals("confidence")) {
            throw new IOException(file + " does not start with the header item,cluster,confidence");
        }
        List<Assignment> rows = new java.util.ArrayList<>(records.size() - 1);
        for (int r = 1; r < records.size(); r++) {
            List<String> f = records.get(r);
            if (f.size() < 3 || f.size() > 4) {
                throw new IOException(file + ": record " + r + " has " + f.size() + " fields, expected 3 or 4");
            }
            try {
                String label = f.size() == 4 && !f.get(3).isEmpty() ? f.get(3) : null;
                rows.add(new Assignment(f.get(0), Integer.parseInt(f.get(1)), Double.parseDouble(f.get(2)), label));
            } catch (NumberFormatException e) {
                throw new IOException(file + ": record " + r + " has a cluster or confidence that is not a number", e);
            }
        }
        return rows;
    }

    /** Splits RFC 4180 text into records of fields; a final line break is optional, blank lines are skipped. */
    static List<List<String>> parseCsv(String text, Path file) throws IOException {
        List<List<String>> records = new java.util.ArrayList<>();
        List<String> fields = new java.util.ArrayList<>();
        StringBuilder field = new StringBuilder();
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (c == '"' && field.length() == 0) {
                i = quoted(text, i + 1, field, file);
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
                i++;
            } else if (c == '\n' || c == '\r') {
                i += c == '\r' && i + 1 < n && text.charAt(i + 1) == '\n' ? 2 : 1;
                endRecord(records, fields, field);
                fields = new java.util.ArrayList<>();
            } else {
                field.append(c);
                i++;
            }
        }
        endRecord(records, fields, field);
        return records;
    }

    /** Reads a quoted field's content from {@code i} (just past the opening quote); returns the index after it. */
    private static int quoted(String text, int start, StringBuilder field, Path file) throws IOException {
        int i = start;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c != '"') {
                field.append(c);
                i++;
            } else if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
                field.append('"');
                i += 2;
            } else {
                return i + 1;
            }
        }
        throw new IOException(file + " ends inside a quoted field");
    }

    private static void endRecord(List<List<String>> records, List<String> fields, StringBuilder field) {
        if (!fields.isEmpty() || field.length() > 0) {
            fields.add(field.toString());
            records.add(fields);
        }
        field.setLength(0);
    }

    /**
     * Writes a map atomically as {@code item,x,y,cluster}, one row per assignment, in order. Coordinates are
     * written in the shortest form that reads back as the same float.
     */
    public static void writeMap(Path file, List<Assignment> rows, float[][] positions) throws IOException {
        if (rows.size() != positions.length) {
            throw new IllegalArgumentException(rows.size() + " rows but " + positions.length + " positions");
        }
        AtomicFiles.write(file, out -> {
            Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            w.write("item,x,y,cluster\n");
            for (int i = 0; i < positions.length; i++) {
                w.write(csv(rows.get(i).item()));
                w.write(',');
                w.write(Float.toString(positions[i][0]));
                w.write(',');
                w.write(Float.toString(positions[i][1]));
                w.write(',');
                w.write(Integer.toString(rows.get(i).cluster()));
                w.write('\n');
            }
            w.flush();
        });
    }
}
