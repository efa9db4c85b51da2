package io.mmdcstudio.engine.data;

import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32C;
import java.util.zip.CheckedOutputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decoded images of one folder at one input size, kept between runs in one file of the cache folder.
 *
 * <p>Entries are keyed by absolute path and checked against file size and modification time, so a changed
 * file is decoded again. Content-caused failures (corrupt, not an image) are cached too, so re-opening a folder
 * with a few bad files decodes nothing. The file ends with a CRC-32C of everything before it: a damaged, foreign
 * or older-format cache file is ignored and rebuilt, never an error. Writes go to a temporary sibling that is then
 * renamed into place, so a crash or a concurrent run never leaves a half-written cache.
 *
 * <p>Layout: magic, format version, input size, root path, entry count; per entry path, size, mtime, kind
 * (0 failure + reason, 1 gray plane, 3 RGB planes) and the pixels; then the checksum.
 */
final class DecodeCache {

    private static final long MAGIC = 0x4D4D4443_494D4731L; // "MMDCIMG1"
    /** Bump whenever decoding, resizing or the layout changes, so old caches are rebuilt. */
    static final int FORMAT_VERSION = 1;

    private static final Logger LOG = LoggerFactory.getLogger(DecodeCache.class);

    /**
     * One cached result.
     *
     * @param modifiedNanos the file's modification time when it was decoded
     */
    record Entry(String path, long size, long modifiedNanos, Decoded result) {
    }

    private final Path file;
    private final Path root;
    private final int inputSize;

    /** The cache of {@code root} at {@code inputSize} inside {@code cacheDir}. */
    DecodeCache(Path cacheDir, Path root, int inputSize) {
        this.file = cacheDir.resolve("images").resolve(
                Fingerprints.sha256Hex(root + "\n" + inputSize).substring(0, 32) + ".mmdc-images");
        this.root = root;
        this.inputSize = inputSize;
    }

    Path file() {
        return file;
    }

    /** The cached entries by path; empty when there is no usable cache file. */
    Map<String, Entry> read() {
        if (!Files.isRegularFile(file)) {
            return Map.of();
        }
        try {
            return parse(Files.readAllBytes(file));
        } catch (IOException | RuntimeException | OutOfMemoryError e) {
            // Whatever is wrong with the cache, the images themselves are still there to decode.
            LOG.info("Ignoring unusable image cache {}: {}", file, e.toString());
            return Map.of();
        }
    }

    private Map<String, Entry> parse(byte[] bytes) throws IOException {
        if (bytes.length < Long.BYTES || !checksumMatches(bytes)) {
            throw new IOException("checksum mismatch");
        }
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes, 0, bytes.length - Long.BYTES));
        if (in.readLong() != MAGIC || in.readInt() != FORMAT_VERSION || in.readInt() != inputSize
                || !in.readUTF().equals(root.toString())) {
            throw new IOException("written for another folder, size or format");
        }
        int count = in.readInt();
        Map<String, Entry> entries = new HashMap<>(Math.max(16, count * 2));
        int plane = inputSize * inputSize;
        for (int i = 0; i < count; i++) {
            String path = in.readUTF();
            long size = in.readLong();
            long mtime = in.readLong();
            int kind = in.readUnsignedByte();
            Decoded result;
            if (kind == 0) {
                result = new Decoded.Failure(in.readUTF(), true);
            } else if (kind == 1 || kind == 3) {
                // Keep the pixels inside the file's buffer: no copy per image.
                int offset = bytes.length - Long.BYTES - in.available();
                result = new Decoded.Image(kind, bytes, offset);
                in.skipNBytes((long) kind * plane);
            } else {
                throw new IOException("unknown entry kind " + kind);
            }
            entries.put(path, new Entry(path, size, mtime, result));
        }
        return entries;
    }

    private static boolean checksumMatches(byte[] bytes) {
        CRC32C crc = new CRC32C();
        crc.update(bytes, 0, bytes.length - Long.BYTES);
        return crc.getValue() == ByteBuffer.wrap(bytes, bytes.length - Long.BYTES, Long.BYTES).getLong();
    }

    /**
     * Replaces the cache file with {@code entries} (failures that are not permanent are left out). A cache that
     * cannot be written costs speed next time, not this run: problems are logged, not thrown.
     */
    void write(List<Entry> entries) {
        Path tmp = null;
        try {
            Files.createDirectories(file.getParent());
            tmp = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
            try (OutputStream raw = new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16)) {
                CRC32C crc = new CRC32C();
                DataOutputStream out = new DataOutputStream(new CheckedOutputStream(raw, crc));
                writeEntries(out, entries);
                out.flush();
                raw.write(ByteBuffer.allocate(Long.BYTES).putLong(crc.getValue()).array());
            }
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            tmp = null;
        } catch (IOException | RuntimeException e) {
            LOG.warn("Could not write the image cache {}: {}", file, e.toString());
        } finally {
            deleteQuietly(tmp);
        }
    }

    private void writeEntries(DataOutputStream out, List<Entry> entries) throws IOException {
        List<Entry> kept = entries.stream()
                .filter(e -> !(e.result() instanceof Decoded.Failure f) || f.permanent())
                .toList();
        out.writeLong(MAGIC);
        out.writeInt(FORMAT_VERSION);
        out.writeInt(inputSize);
        out.writeUTF(root.toString());
        out.writeInt(kept.size());
        int plane = inputSize * inputSize;
        for (Entry e : kept) {
            out.writeUTF(e.path());
            out.writeLong(e.size());
            out.writeLong(e.modifiedNanos());
            if (e.result() instanceof Decoded.Image image) {
                out.writeByte(image.channels());
                out.write(image.data(), image.offset(), image.channels() * plane);
            } else {
                out.writeByte(0);
                out.writeUTF(((Decoded.Failure) e.result()).reason());
            }
        }
    }

    private static void deleteQuietly(Path tmp) {
        if (tmp == null) {
            return;
        }
        try {
            Files.deleteIfExists(tmp);
        } catch (IOException e) {
            LOG.debug("Could not delete {}", tmp, e);
        }
    }
}
