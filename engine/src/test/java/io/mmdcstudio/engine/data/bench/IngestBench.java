package io.mmdcstudio.engine.data.bench;

import io.mmdcstudio.engine.data.DataException;
import io.mmdcstudio.engine.data.DatasetLoader;
import io.mmdcstudio.engine.data.ImageDataset;
import io.mmdcstudio.engine.data.LoadOptions;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

/**
 * Ingest benchmark (not a test): images per second of {@link DatasetLoader} on a folder of 640×480 JPEGs, cold
 * (empty cache), cached re-open, and a single-threaded {@code ImageIO.read} + Java2D resize loop as reference;
 * plus a cached re-open of 10,000 files (hard links to the same JPEGs under two subfolders).
 *
 * <p>Usage: {@code IngestBench DATA_DIR [images=5000] [size=64] [reps=3]}; run through
 * {@code bench/ingest/run.sh}, which builds the class path. The data is generated once into DATA_DIR.
 */
public final class IngestBench {

    private static final int WIDTH = 640;
    private static final int HEIGHT = 480;

    private IngestBench() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: IngestBench DATA_DIR [images=5000] [size=64] [reps=3]");
            System.exit(2);
        }
        Path dataDir = Path.of(args[0]).toAbsolutePath();
        int images = args.length > 1 ? Integer.parseInt(args[1]) : 5000;
        int size = args.length > 2 ? Integer.parseInt(args[2]) : 64;
        int reps = args.length > 3 ? Integer.parseInt(args[3]) : 3;
        Path photos = dataDir.resolve("photos-" + images);
        Path photos2x = dataDir.resolve("photos-" + images + "-x2");
        generate(photos, images);
        linkTwice(photos, photos2x);
        new Run(dataDir.resolve("cache-runs"), size, reps, images).all(photos, photos2x);
    }

    /** Seconds of repeated runs over {@code files} files. */
    private record Timing(String what, int files, List<Double> seconds) {
        double median() {
            List<Double> sorted = seconds.stream().sorted().toList();
            return sorted.get(sorted.size() / 2);
        }

        double rate() {
            return files / median();
        }

        void print() {
            double min = seconds.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
            double max = seconds.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
            System.out.printf(Locale.ROOT, "%-46s %6d files  median %7.3f s (%.3f–%.3f, n=%d)  %8.0f img/s%n",
                    what, files, median(), min, max, seconds.size(), rate());
        }
    }

    /** The measurements. */
    private record Run(Path cacheRoot, int size, int reps, int images) {

        void all(Path photos, Path photos2x) throws Exception {
            int threads = Runtime.getRuntime().availableProcessors();
            System.out.printf(Locale.ROOT, "%d JPEGs %d×%d → %d×%d, %d cores, Java %s%n", images, WIDTH, HEIGHT,
                    size, size, threads, System.getProperty("java.version"));
            deleteTree(cacheRoot);
            int referenceImages = Math.min(images, 1000);
            Timing reference = time("reference: ImageIO.read + Java2D, 1 thread", referenceImages, reps,
                    () -> reference(photos, referenceImages));
            Timing cold = time("cold (empty cache), " + threads + " threads", images, reps,
                    () -> coldLoad(photos, threads));
            Timing coldOne = time("cold (empty cache), 1 thread", images, 1, () -> coldLoad(photos, 1));
            Path cache = cacheRoot.resolve("warm");
            load(photos, cache, threads);
            Timing cached = time("cached re-open", images, reps + 2, () -> load(photos, cache, threads));
            Timing coldX2 = time("cold (empty cache), " + threads + " threads", 2 * images, 1,
                    () -> load(photos2x, cache, threads));
            Timing firstX2 = time("cached re-open, first", 2 * images, 1, () -> load(photos2x, cache, threads));
            Timing cachedX2 = time("cached re-open", 2 * images, reps + 2, () -> load(photos2x, cache, threads));
            deleteTree(cacheRoot);
            for (Timing t : List.of(reference, cold, coldOne, cached, coldX2, firstX2, cachedX2)) {
                t.print();
            }
            System.out.printf(Locale.ROOT, "cold %d threads / reference: %.2f×;  cold 1 thread / reference: %.2f×;  "
                    + "cached / cold: %.0f×%n", threads, cold.rate() / reference.rate(),
                    coldOne.rate() / reference.rate(), cached.rate() / cold.rate());
        }

        private static Timing time(String what, int files, int reps, Timed timed) throws Exception {
            List<Double> seconds = new ArrayList<>();
            for (int i = 0; i < reps; i++) {
                seconds.add(timed.seconds());
            }
            return new Timing(what, files, seconds);
        }

        private double coldLoad(Path photos, int threads) throws Exception {
            Path cache = cacheRoot.resolve("cold-" + System.nanoTime());
            try {
                return load(photos, cache, threads);
            } finally {
                deleteTree(cache);
            }
        }

        private double load(Path folder, Path cache, int threads) throws DataException {
            LoadOptions options = LoadOptions.defaults(size).withCacheDir(cache).withThreads(threads);
            long t0 = System.nanoTime();
            ImageDataset d = DatasetLoader.load(folder, options);
            double seconds = (System.nanoTime() - t0) / 1e9;
            if (!d.skipped().isEmpty()) {
                throw new IllegalStateException("unexpected skips: " + d.skipped().subList(0, 1));
            }
            return seconds;
        }

        /** Seconds for {@code n} files through the plain loop, single-threaded. */
        private double reference(Path photos, int n) throws Exception {
            List<Path> files = listJpegs(photos).subList(0, n);
            long t0 = System.nanoTime();
            referenceLoop(files);
            return (System.nanoTime() - t0) / 1e9;
        }

        private void referenceLoop(List<Path> files) throws IOException {
            for (Path file : files) {
                BufferedImage image = ImageIO.read(file.toFile());
                double scale = (double) size / Math.min(image.getWidth(), image.getHeight());
                int w = (int) Math.round(image.getWidth() * scale);
                int h = (int) Math.round(image.getHeight() * scale);
                BufferedImage out = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
                Graphics2D g = out.createGraphics();
                g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
                g.drawImage(image, (size - w) / 2, (size - h) / 2, w, h, null);
                g.dispose();
            }
        }
    }

    @FunctionalInterface
    private interface Timed {
        double seconds() throws Exception;
    }

    /** Writes {@code n} photo-like JPEGs once; every 10th has EXIF orientation 6, every 10th + 5 has 8. */
    private static void generate(Path dir, int n) throws Exception {
        Path done = dir.resolve(".complete");
        if (Files.exists(done)) {
            return;
        }
        Files.createDirectories(dir);
        System.out.printf(Locale.ROOT, "generating %d JPEGs in %s ...%n", n, dir);
        AtomicInteger written = new AtomicInteger();
        IntStream.range(0, n).parallel().forEach(i -> {
            int orientation = i % 10 == 0 ? 6 : i % 10 == 5 ? 8 : 1;
            byte[] jpeg = withOrientation(jpeg(photo(i)), orientation);
            try {
                Files.write(dir.resolve(String.format(Locale.ROOT, "img%05d.jpg", i)), jpeg);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            if (written.incrementAndGet() % 1000 == 0) {
                System.out.printf(Locale.ROOT, "  %d%n", written.get());
            }
        });
        Files.writeString(done, "");
    }

    /** Gradient sky, a few shapes and sensor-like noise: compresses like a small photo (tens of KB). */
    private static BufferedImage photo(int seed) {
        Random random = new Random(seed);
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setPaint(new GradientPaint(0, 0, new Color(random.nextInt(0x1000000)), WIDTH, HEIGHT,
                new Color(random.nextInt(0x1000000))));
        g.fillRect(0, 0, WIDTH, HEIGHT);
        for (int s = 0; s < 12; s++) {
            g.setColor(new Color(random.nextInt(0x1000000)));
            int x = random.nextInt(WIDTH);
            int y = random.nextInt(HEIGHT);
            if (s % 2 == 0) {
                g.fillOval(x - 60, y - 40, 40 + random.nextInt(200), 40 + random.nextInt(150));
            } else {
                g.fillRect(x - 50, y - 50, 20 + random.nextInt(150), 20 + random.nextInt(150));
            }
        }
        g.dispose();
        int[] pixels = ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
        for (int p = 0; p < pixels.length; p++) {
            int noise = random.nextInt(9) - 4;
            int r = clamp(((pixels[p] >> 16) & 0xFF) + noise);
            int gr = clamp(((pixels[p] >> 8) & 0xFF) + noise);
            int b = clamp((pixels[p] & 0xFF) + noise);
            pixels[p] = (r << 16) | (gr << 8) | b;
        }
        return image;
    }

    private static int clamp(int v) {
        return Math.max(0, Math.min(255, v));
    }

    private static byte[] jpeg(BufferedImage image) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(0.9f);
            writer.write(null, new IIOImage(image, null, null), param);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    /** Inserts an APP1 Exif segment with only the orientation tag after the JFIF APP0 segment. */
    private static byte[] withOrientation(byte[] jpeg, int orientation) {
        if (orientation == 1) {
            return jpeg;
        }
        ByteBuffer app1 = ByteBuffer.allocate(4 + 6 + 26);
        app1.put((byte) 0xFF).put((byte) 0xE1).putShort((short) (2 + 6 + 26));
        app1.put("Exif\0\0".getBytes(StandardCharsets.US_ASCII));
        app1.put("MM".getBytes(StandardCharsets.US_ASCII)).putShort((short) 42).putInt(8).putShort((short) 1);
        app1.putShort((short) 0x0112).putShort((short) 3).putInt(1).putShort((short) orientation).putShort((short) 0);
        app1.putInt(0);
        int at = 4 + (((jpeg[4] & 0xFF) << 8) | (jpeg[5] & 0xFF)); // after SOI and APP0
        ByteArrayOutputStream out = new ByteArrayOutputStream(jpeg.length + app1.capacity());
        out.write(jpeg, 0, at);
        out.writeBytes(app1.array());
        out.write(jpeg, at, jpeg.length - at);
        return out.toByteArray();
    }

    /** Two subfolders of hard links to the same JPEGs: twice the files without twice the disk (copies if needed). */
    private static void linkTwice(Path photos, Path target) throws IOException {
        Path done = target.resolve(".complete");
        if (Files.exists(done)) {
            return;
        }
        for (String half : new String[] {"a", "b"}) {
            Path dir = Files.createDirectories(target.resolve(half));
            for (Path file : listJpegs(photos)) {
                Path link = dir.resolve(file.getFileName());
                if (!Files.exists(link)) {
                    try {
                        Files.createLink(link, file);
                    } catch (IOException | UnsupportedOperationException e) {
                        Files.copy(file, link);
                    }
                }
            }
        }
        Files.writeString(done, "");
    }

    private static List<Path> listJpegs(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.toString().endsWith(".jpg")).sorted().toList();
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
