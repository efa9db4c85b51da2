package io.mmdcstudio.engine.data;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 helpers for dataset fingerprints and cache file names. */
final class Fingerprints {

    /** Characters of the hex digest kept in {@link ImageDataset#fingerprint()}: 64 bits, plenty to tell data apart. */
    static final int LENGTH = 16;

    private Fingerprints() {
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            // Every Java platform must provide SHA-256.
            throw new IllegalStateException(e);
        }
    }

    static String sha256Hex(String text) {
        return HexFormat.of().formatHex(sha256().digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    /** The short form used as a dataset fingerprint. */
    static String shortHex(byte[] digest) {
        return HexFormat.of().formatHex(digest).substring(0, LENGTH);
    }
}
