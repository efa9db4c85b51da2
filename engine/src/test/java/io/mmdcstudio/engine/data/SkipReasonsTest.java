package io.mmdcstudio.engine.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.EOFException;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import javax.imageio.IIOException;
import org.junit.jupiter.api.Test;

/**
 * How I/O problems become reasons. Tests run as root in CI, where chmod 000 does not stop reads, so the
 * permission case is checked here on the exception the JDK throws rather than on a real locked file.
 */
class SkipReasonsTest {

    @Test
    void reportsPermissionDeniedAndDoesNotCacheIt() {
        Decoded.Failure f = ImageDecoder.SkipReasons.forIoException(new AccessDeniedException("/x/a.jpg"));

        assertEquals("cannot read file: permission denied", f.reason());
        assertFalse(f.permanent(), "permissions can change without the file changing");
    }

    @Test
    void reportsAFileThatVanishedDuringTheLoad() {
        Decoded.Failure f = ImageDecoder.SkipReasons.forIoException(new NoSuchFileException("/x/a.jpg"));

        assertEquals("file disappeared while loading", f.reason());
        assertFalse(f.permanent());
    }

    @Test
    void reportsAnEndOfDataAnywhereInTheCauseChainAsTruncation() {
        IIOException e = new IIOException("Error reading PNG image data", new EOFException("Unexpected end"));

        Decoded.Failure f = ImageDecoder.SkipReasons.forIoException(e);

        assertEquals("truncated file: the image data ends early", f.reason());
        assertTrue(f.permanent());
    }

    @Test
    void reportsOtherDecoderErrorsAsCorruptWithTheDecodersWords() {
        Decoded.Failure f = ImageDecoder.SkipReasons.forIoException(new IIOException("Bogus Huffman table"));

        assertEquals("corrupt image: Bogus Huffman table", f.reason());
        assertTrue(f.permanent());
    }

    @Test
    void reportsOtherIoErrorsWithoutCachingThem() {
        Decoded.Failure f = ImageDecoder.SkipReasons.forIoException(new IOException("Input/output error"));

        assertEquals("cannot read file: IOException: Input/output error", f.reason());
        assertFalse(f.permanent());
    }

    @Test
    void writesMegapixelLimitsPlainly() {
        assertEquals("100", ImageDecoder.SkipReasons.megapixels(100_000_000));
        assertEquals("2.5", ImageDecoder.SkipReasons.megapixels(2_500_000));
        assertEquals("0.0001", ImageDecoder.SkipReasons.megapixels(100));
    }
}
