package io.mmdcstudio.engine.augment;

import java.util.List;

/**
 * What the training view of an image may undergo (MMDC-ALGORITHM.md, "Augmentation").
 *
 * @param cropFractions   side of the random square crop as a share of the image side, one picked uniformly
 *                        per image (the reference crops 24, 20 or 16 of 32 px: 0.75, 0.625, 0.5)
 * @param flip            random horizontal flip with probability 0.5
 * @param maxRotationDegrees a small random rotation in [-d, d] (the reference uses 25 for MNIST, 0 otherwise)
 * @param colorJitter     colour jitter (brightness, contrast, saturation 0.4, hue 0.125) and random grayscale
 *                        (p 0.2); applies to colour images only
 */
public record AugmentSpec(List<Double> cropFractions, boolean flip, double maxRotationDegrees, boolean colorJitter) {

    public AugmentSpec {
        cropFractions = List.copyOf(cropFractions);
        if (cropFractions.isEmpty()) {
            throw new IllegalArgumentException("at least one crop fraction is needed (1.0 = no crop)");
        }
        for (double f : cropFractions) {
            if (!(f > 0 && f <= 1)) {
                throw new IllegalArgumentException("crop fractions must lie in (0, 1], got " + f);
            }
        }
        if (!(maxRotationDegrees >= 0 && maxRotationDegrees <= 180)) {
            throw new IllegalArgumentException("rotation must lie in [0, 180] degrees, got " + maxRotationDegrees);
        }
    }
}
