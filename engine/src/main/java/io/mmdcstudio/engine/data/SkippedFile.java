package io.mmdcstudio.engine.data;

import java.util.Objects;

/**
 * A file the loader could not use, and why, in words a user understands.
 *
 * @param path   the file as the user named it (absolute path, or an IDX file and record)
 * @param reason a short human-readable reason, e.g. "truncated or corrupt JPEG"
 */
public record SkippedFile(String path, String reason) {
    public SkippedFile {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(reason, "reason");
    }
}
