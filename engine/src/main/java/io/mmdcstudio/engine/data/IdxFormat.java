package io.mmdcstudio.engine.data;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * The IDX format of MNIST and Fashion-MNIST: a big-endian magic number {@code 0x0000TTDD} (T element type, D
 * number of dimensions), D big-endian int sizes, then the elements. Only unsigned bytes (type 0x08) are
 * supported: images are {@code 0x00000803} (count, rows, columns), labels {@code 0x00000801} (count).
 * Gzip compression is recognised by its magic bytes, not by the file name.
 */
final class IdxFormat {

    static final int IMAGES_MAGIC = 0x00000803;
    static final int LABELS_MAGIC = 0x00000801;
    private static final int UNSIGNED_BYTE = 0x08;
    private static final int BUFFER = 1 << 16;

    /**
     * A whole IDX file.
     *
     * @param dims   the dimension sizes
     * @param data   the elements, row-major
     * @param sha256 digest of the file's bytes as stored (compressed or not)
     */
    record IdxArray(Path file, int[] dims, byte[] data, byte[] sha256) {
        int count() {
            return dims[0];
        }
    }

    private IdxFormat() {
    }

    /**
     * The magic number of a file (after decompression), or -1 when the file is too short or not gzip/IDX-like.
     *
     * @throws DataException when the file cannot be read at all
     */
    static int magic(Path file) throws DataException {
        try (InputStream raw = Files.newInputStream(file);
                InputStream in = open(new BufferedInputStream(raw, 64))) {
            byte[] head = in.readNBytes(4);
            return head.length < 4 ? -1 : ((head[0] & 0xFF) << 24) | ((head[1] & 0xFF) << 16)
                    | ((head[2] & 0xFF) << 8) | (head[3] & 0xFF);
        } catch (ZipException | EOFException e) {
            return -1;
        } catch (IOException e) {
            throw unreadable(file, e);
        }
    }

    /**
     * Reads a whole IDX file of unsigned bytes with {@code dimensions} dimensions.
     *
     * @throws DataException for a missing, unreadable, truncated, corrupt or differently shaped file
     */
    static IdxArray read(Path file, int dimensions) throws DataException {
        MessageDigest sha256 = Fingerprints.sha256();
        // Buffer outside the digest: the gzip sniffing's mark/reset must not feed bytes to the digest twice.
        try (InputStream raw = Files.newInputStream(file);
                InputStream in = open(new BufferedInputStream(new DigestInputStream(raw, sha256), BUFFER))) {
            DataInputStream data = new DataInputStream(in);
            int[] dims = readHeader(file, data, dimensions);
            long total = Arrays.stream(dims).asLongStream().reduce(1, Math::multiplyExact);
            if (total > Integer.MAX_VALUE - 8) {
                throw new DataException("IDX file is too large: " + file + " holds " + total + " bytes of data");
            }
            // Straight into one exact array: readNBytes(int) would gather 8 KiB chunks and copy them again.
            byte[] elements = new byte[(int) total];
            int got = data.readNBytes(elements, 0, elements.length);
            if (got < total) {
                throw new DataException(String.format(Locale.ROOT,
                        "IDX file is truncated: %s holds %,d of %,d bytes of data", file, got, total));
            }
            // Read to the end so that the digest covers the whole file.
            data.transferTo(OutputStream.nullOutputStream());
            return new IdxArray(file, dims, elements, sha256.digest());
        } catch (EOFException e) {
            throw new DataException("IDX file is truncated: " + file + " ends in the middle of its data", e);
        } catch (ZipException e) {
            throw new DataException("IDX file is corrupt: " + file + " is not valid gzip data ("
                    + e.getMessage() + ")", e);
        } catch (IOException e) {
            throw unreadable(file, e);
        } catch (ArithmeticException e) {
            throw new DataException("IDX file is corrupt: " + file + " declares impossible sizes", e);
        }
    }

    private static int[] readHeader(Path file, DataInputStream data, int dimensions)
            throws IOException, DataException {
        int magic = data.readInt();
        if ((magic >>> 16) != 0) {
            throw new DataException("Not an IDX file: " + file);
        }
        if (((magic >> 8) & 0xFF) != UNSIGNED_BYTE) {
            throw new DataException(String.format(Locale.ROOT,
                    "Unsupported IDX data in %s: element type 0x%02X, only unsigned bytes (0x08) are supported",
                    file, (magic >> 8) & 0xFF));
        }
        if ((magic & 0xFF) != dimensions) {
            throw new DataException(String.format(Locale.ROOT, "IDX file %s has %d dimensions, expected %d (%s)",
                    file, magic & 0xFF, dimensions, dimensions == 3 ? "images" : "labels"));
        }
        int[] dims = new int[dimensions];
        for (int d = 0; d < dimensions; d++) {
            dims[d] = data.readInt();
            if (dims[d] < 1) {
                throw new DataException("IDX file is corrupt: " + file + " declares a dimension of " + dims[d]);
            }
        }
        return dims;
    }

    /** Unwraps gzip when the stream starts with its magic bytes 1F 8B. */
    private static InputStream open(BufferedInputStream in) throws IOException {
        in.mark(2);
        int b0 = in.read();
        int b1 = in.read();
        in.reset();
        return b0 == 0x1F && b1 == 0x8B ? new GZIPInputStream(in, BUFFER) : in;
    }

    private static DataException unreadable(Path file, IOException e) {
        if (e instanceof NoSuchFileException) {
            return new DataException("Not found: " + file, e);
        }
        String reason = e instanceof AccessDeniedException ? "permission denied" : ImageDecoder.SkipReasons.describe(e);
        return new DataException("Cannot read " + file + ": " + reason, e);
    }
}
