package io.mmdcstudio.app;

import io.mmdcstudio.engine.data.DataException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;

/** Turns what went wrong into one line for a person, and an exit code for a script. */
final class CliErrors {

    /** Exit code for bad input (unusable data, invalid settings). */
    static final int BAD_INPUT = 2;
    /** Exit code for anything else that failed. */
    static final int FAILURE = 1;

    private CliErrors() {}

    static String message(Exception e) {
        if (e instanceof NoSuchFileException nf) {
            return "no such file or folder: " + nf.getFile();
        }
        if (e instanceof AccessDeniedException ad) {
            return "permission denied: " + ad.getFile();
        }
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
    }

    static int exitCode(Exception e) {
        if (e instanceof DataException || e instanceof IllegalArgumentException || e instanceof NoSuchFileException) {
            return BAD_INPUT;
        }
        return FAILURE;
    }
}
