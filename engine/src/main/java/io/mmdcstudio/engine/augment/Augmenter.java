package io.mmdcstudio.engine.augment;

import java.util.SplittableRandom;

/**
 * Produces the views MMDC trains on from uint8 NCHW images, as floats in [0, 1] (no mean/std normalisation,
 * as in the reference). Crop, rotation, flip and resize are one affine map sampled bilinearly, so each output
 * pixel is interpolated once. Edges are clamped, which suits dark-background data and photos alike.
 *
 * <p>Instances hold no mutable state: the caller passes the random source, so views are reproducible
 * from a seed and can be built from several threads.
 */
public final class Augmenter {

    private static final double JITTER = 0.4;
    private static final double HUE = 0.125;
    private static final double GRAYSCALE_P = 0.2;

    private final int channels;
    private final int srcH;
    private final int srcW;
    private final int out;
    private final AugmentSpec spec;
    private final double evalCrop;

    /**
     * @param channels  1 or 3
     * @param srcHeight stored image height
     * @param srcWidth  stored image width
     * @param outSize   side of the square network input
     * @param spec      the training-view augmentation
     */
    public Augmenter(int channels, int srcHeight, int srcWidth, int outSize, AugmentSpec spec) {
        this.channels = channels;
        this.srcH = srcHeight;
        this.srcW = srcWidth;
        this.out = outSize;
        this.spec = spec;
        this.evalCrop = spec.cropFractions().stream().mapToDouble(Double::doubleValue).max().orElse(1.0);
    }

    /** Floats per produced view ({@code channels * outSize * outSize}). */
    public int viewSize() {
        return channels * out * out;
    }

    /**
     * The evaluation view: a centre crop as large as the largest training crop, resized to the input size, so
     * objects appear at the scale the network trains on.
     */
    public void evalView(byte[] pixels, int image, float[] dst, int dstOffset) {
        double side = evalCrop * Math.min(srcW, srcH);
        sample(pixels, image, new Transform(srcW / 2.0, srcH / 2.0, side, side, 1, 0, 0, 1), dst, dstOffset);
    }

    /** The training view: random crop, flip, small rotation, colour jitter, resize. */
    public void trainView(byte[] pixels, int image, SplittableRandom rng, float[] dst, int dstOffset) {
        Transform t = randomCrop(rng);
        if (spec.flip() && rng.nextBoolean()) {
            t = t.flipped();
        }
        if (spec.maxRotationDegrees() > 0) {
            double deg = (rng.nextDouble() * 2 - 1) * spec.maxRotationDegrees();
            t = t.rotated(Math.toRadians(deg));
        }
        sample(pixels, image, t, dst, dstOffset);
        if (spec.colorJitter() && channels == 3) {
            jitter(dst, dstOffset, rng);
        }
    }

    /**
     * The strong view of FixMatch's consistency loss (few-labels mode): a wider random crop (60 to 100% of the
     * side), flip, a rotation of up to 30 degrees, brightness and contrast jitter (colour jitter and random
     * grayscale for colour images) and a cutout of a random square a quarter to half the side, filled with grey.
     * Much harder than {@link #trainView}, so that agreeing with the weak view's confident prediction teaches
     * invariance rather than repeating it.
     */
    public void strongView(byte[] pixels, int image, SplittableRandom rng, float[] dst, int dstOffset) {
        double side = (STRONG_MIN_CROP + rng.nextDouble() * (1 - STRONG_MIN_CROP)) * Math.min(srcW, srcH);
        double cx = side / 2 + rng.nextDouble() * (srcW - side);
        double cy = side / 2 + rng.nextDouble() * (srcH - side);
        Transform t = new Transform(cx, cy, side, side, 1, 0, 0, 1);
        if (spec.flip() && rng.nextBoolean()) {
            t = t.flipped();
        }
        t = t.rotated(Math.toRadians((rng.nextDouble() * 2 - 1) * STRONG_ROTATION));
        sample(pixels, image, t, dst, dstOffset);
        if (channels == 3) {
            jitter(dst, dstOffset, rng);
        } else {
            brightnessContrast(dst, dstOffset, rng);
        }
        cutout(dst, dstOffset, rng);
    }

    private static final double STRONG_MIN_CROP = 0.6;
    private static final double STRONG_ROTATION = 30;

    /** Grayscale brightness and contrast jitter, in torchvision's magnitude (0.4). */
    private void brightnessContrast(float[] dst, int off, SplittableRandom rng) {
        int plane = out * out;
        double brightness = 1 + (rng.nextDouble() * 2 - 1) * JITTER;
        double contrast = 1 + (rng.nextDouble() * 2 - 1) * JITTER;
        double mean = 0;
        for (int i = 0; i < plane; i++) {
            mean += dst[off + i] * brightness;
        }
        mean /= plane;
        for (int i = 0; i < plane; i++) {
            dst[off + i] = unit((dst[off + i] * brightness - mean) * contrast + mean);
        }
    }

    /** Fills a random square (a quarter to half of the side) of every channel with grey 0.5. */
    private void cutout(float[] dst, int off, SplittableRandom rng) {
        int size = (int) Math.round(out * (0.25 + rng.nextDouble() * 0.25));
        int x0 = rng.nextInt(out - size + 1);
        int y0 = rng.nextInt(out - size + 1);
        int plane = out * out;
        for (int ch = 0; ch < channels; ch++) {
            for (int y = y0; y < y0 + size; y++) {
                java.util.Arrays.fill(dst, off + ch * plane + y * out + x0, off + ch * plane + y * out + x0 + size, 0.5f);
            }
        }
    }

    /** The rotation-task view: rotated by {@code quarterTurns} x 90 degrees, then random crop and resize. */
    public void rotationView(byte[] pixels, int image, int quarterTurns, SplittableRandom rng, float[] dst, int dstOffset) {
        Transform t = randomCrop(rng).rotated(quarterTurns * Math.PI / 2);
        sample(pixels, image, t, dst, dstOffset);
    }

    private Transform randomCrop(SplittableRandom rng) {
        double fraction = spec.cropFractions().get(rng.nextInt(spec.cropFractions().size()));
        double side = fraction * Math.min(srcW, srcH);
        double cx = side / 2 + rng.nextDouble() * (srcW - side);
        double cy = side / 2 + rng.nextDouble() * (srcH - side);
        return new Transform(cx, cy, side, side, 1, 0, 0, 1);
    }

    /** Bilinear sampling of the image through {@code t} into an out x out view. */
    private void sample(byte[] pixels, int image, Transform t, float[] dst, int dstOffset) {
        int plane = srcH * srcW;
        int base = image * channels * plane;
        int outPlane = out * out;
        for (int oy = 0; oy < out; oy++) {
            double v = (oy + 0.5) / out - 0.5;
            for (int ox = 0; ox < out; ox++) {
                double u = (ox + 0.5) / out - 0.5;
                double du = u * t.width();
                double dv = v * t.height();
                double sx = t.cx() + t.a() * du + t.b() * dv - 0.5;
                double sy = t.cy() + t.c() * du + t.d() * dv - 0.5;
                int x0 = clamp((int) Math.floor(sx), srcW);
                int y0 = clamp((int) Math.floor(sy), srcH);
                int x1 = clamp((int) Math.floor(sx) + 1, srcW);
                int y1 = clamp((int) Math.floor(sy) + 1, srcH);
                double fx = Math.min(Math.max(sx - Math.floor(sx), 0), 1);
                double fy = Math.min(Math.max(sy - Math.floor(sy), 0), 1);
                for (int ch = 0; ch < channels; ch++) {
                    int p = base + ch * plane;
                    double top = (pixels[p + y0 * srcW + x0] & 0xFF) * (1 - fx) + (pixels[p + y0 * srcW + x1] & 0xFF) * fx;
                    double bot = (pixels[p + y1 * srcW + x0] & 0xFF) * (1 - fx) + (pixels[p + y1 * srcW + x1] & 0xFF) * fx;
                    dst[dstOffset + ch * outPlane + oy * out + ox] = (float) ((top * (1 - fy) + bot * fy) / 255.0);
                }
            }
        }
    }

    private static int clamp(int i, int n) {
        return i < 0 ? 0 : (i >= n ? n - 1 : i);
    }

    /**
     * Brightness, contrast, saturation, hue (a rotation in YIQ space, a close and cheap stand-in for an HSV hue
     * shift) and random grayscale, in torchvision's magnitudes.
     */
    private void jitter(float[] dst, int off, SplittableRandom rng) {
        int plane = out * out;
        double brightness = 1 + (rng.nextDouble() * 2 - 1) * JITTER;
        double contrast = 1 + (rng.nextDouble() * 2 - 1) * JITTER;
        double saturation = 1 + (rng.nextDouble() * 2 - 1) * JITTER;
        double hue = (rng.nextDouble() * 2 - 1) * HUE * 2 * Math.PI;
        boolean gray = rng.nextDouble() < GRAYSCALE_P;
        double mean = 0;
        for (int i = 0; i < plane; i++) {
            mean += luma(dst[off + i], dst[off + plane + i], dst[off + 2 * plane + i]) * brightness;
        }
        mean /= plane;
        double cos = Math.cos(hue);
        double sin = Math.sin(hue);
        for (int i = 0; i < plane; i++) {
            double r = dst[off + i] * brightness;
            double g = dst[off + plane + i] * brightness;
            double b = dst[off + 2 * plane + i] * brightness;
            r = (r - mean) * contrast + mean;
            g = (g - mean) * contrast + mean;
            b = (b - mean) * contrast + mean;
            double y = luma(r, g, b);
            double iq = 0.596 * r - 0.274 * g - 0.322 * b;
            double qq = 0.211 * r - 0.523 * g + 0.312 * b;
            double i2 = (iq * cos - qq * sin) * saturation;
            double q2 = (iq * sin + qq * cos) * saturation;
            if (gray) {
                i2 = 0;
                q2 = 0;
            }
            dst[off + i] = unit(y + 0.956 * i2 + 0.621 * q2);
            dst[off + plane + i] = unit(y - 0.272 * i2 - 0.647 * q2);
            dst[off + 2 * plane + i] = unit(y - 1.106 * i2 + 1.703 * q2);
        }
    }

    private static double luma(double r, double g, double b) {
        return 0.299 * r + 0.587 * g + 0.114 * b;
    }

    private static float unit(double x) {
        return (float) Math.min(1, Math.max(0, x));
    }

    /**
     * Maps output coordinates (centred, in units of the crop) to source pixels: centre, crop size and a 2x2
     * matrix {@code [a b; c d]} holding flip and rotation.
     */
    private record Transform(double cx, double cy, double width, double height, double a, double b, double c, double d) {

        Transform flipped() {
            return new Transform(cx, cy, width, height, -a, b, -c, d);
        }

        Transform rotated(double radians) {
            double cos = Math.cos(radians);
            double sin = Math.sin(radians);
            return new Transform(cx, cy, width, height,
                    cos * a - sin * c, cos * b - sin * d, sin * a + cos * c, sin * b + cos * d);
        }
    }
}
