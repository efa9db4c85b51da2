package io.mmdcstudio.engine.data;

import java.util.List;

/**
 * The data could not be loaded at all, with one message for the user (e.g. "Not a folder or IDX file: /x").
 *
 * <p>Individual bad files never cause this exception: they end up in {@link ImageDataset#skipped()}. When no
 * usable image is left, the exception carries the skipped files so the caller can still show the report.
 */
public final class DataException extends Exception {

    private static final long serialVersionUID = 1L;

    /** Not serialised: a report for the user in this process, not part of the error's identity. */
    private final transient List<SkippedFile> skipped;

    /** An error without a list of skipped files. */
    public DataException(String message) {
        this(message, List.of(), null);
    }

    /** An error caused by another exception. */
    public DataException(String message, Throwable cause) {
        this(message, List.of(), cause);
    }

    /** An error with the files that were left out on the way (e.g. "no usable images"). */
    public DataException(String message, List<SkippedFile> skipped) {
        this(message, skipped, null);
    }

    private DataException(String message, List<SkippedFile> skipped, Throwable cause) {
        super(message, cause);
        this.skipped = List.copyOf(skipped);
    }

    /** The files that were left out before the load gave up, each with its reason; possibly empty. */
    public List<SkippedFile> skipped() {
        return skipped == null ? List.of() : skipped;
    }
}
