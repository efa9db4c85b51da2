package io.mmdcstudio.engine.data;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Finds the image files under a folder: recursive, following symbolic links (loops are detected and reported),
 * ignoring hidden files and folders (names starting with a dot), sorted by relative path so that image indices
 * are the same on every run and every machine.
 */
final class FolderScanner {

    /** File name extensions (lower case) taken as images; anything else is silently ignored. */
    static final Set<String> EXTENSIONS = Set.of("jpg", "jpeg", "png", "bmp", "gif", "webp", "tif", "tiff");

    /**
     * One candidate image file.
     *
     * @param path          absolute, normalised path as reached from the root (links not resolved)
     * @param relativePath  path below the root with '/' separators
     * @param size          size in bytes
     * @param modifiedNanos last modification time in nanoseconds since the epoch
     */
    record ImageFile(Path path, String relativePath, long size, long modifiedNanos) {
    }

    /** The candidates, sorted by relative path, and what could not even be looked at. */
    record Scan(List<ImageFile> files, List<SkippedFile> skipped) {
    }

    private FolderScanner() {
    }

    static Scan scan(Path root) throws DataException {
        Visitor visitor = new Visitor(root);
        try {
            Files.walkFileTree(root, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE, visitor);
        } catch (IOException e) {
            throw new DataException("Cannot read folder " + root + ": " + ImageDecoder.SkipReasons.describe(e), e);
        }
        visitor.files.sort(Comparator.comparing(ImageFile::relativePath));
        return new Scan(List.copyOf(visitor.files), List.copyOf(visitor.skipped));
    }

    static boolean hasImageExtension(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot >= 0 && EXTENSIONS.contains(name.substring(dot + 1).toLowerCase(Locale.ROOT));
    }

    private static boolean isHidden(Path path) {
        Path name = path.getFileName();
        return name != null && name.toString().startsWith(".");
    }

    private static final class Visitor extends SimpleFileVisitor<Path> {
        private final Path root;
        private final List<ImageFile> files = new ArrayList<>();
        private final List<SkippedFile> skipped = new ArrayList<>();

        Visitor(Path root) {
            this.root = root;
        }

        @Override
        public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
            return !dir.equals(root) && isHidden(dir) ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
            if (isHidden(file) || !hasImageExtension(file)) {
                return FileVisitResult.CONTINUE;
            }
            if (attrs.isRegularFile()) {
                files.add(new ImageFile(file, relative(file), attrs.size(),
                        attrs.lastModifiedTime().to(TimeUnit.NANOSECONDS)));
            } else if (attrs.isSymbolicLink()) {
                // With FOLLOW_LINKS we only see the link itself when its target does not exist.
                skip(file, "broken symbolic link: its target does not exist");
            } else {
                skip(file, "not a regular file");
            }
            return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFileFailed(Path file, IOException e) {
            if (e instanceof FileSystemLoopException) {
                skip(file, "symbolic link loop: it leads back to a folder that contains it");
            } else if (isHidden(file)) {
                return FileVisitResult.CONTINUE;
            } else if (Files.isDirectory(file)) {
                skip(file, "folder not readable: " + reason(e));
            } else if (hasImageExtension(file)) {
                skip(file, "cannot read file: " + reason(e));
            }
            return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult postVisitDirectory(Path dir, IOException e) {
            if (e != null) {
                skip(dir, "folder could not be listed completely: " + reason(e));
            }
            return FileVisitResult.CONTINUE;
        }

        private static String reason(IOException e) {
            return e instanceof AccessDeniedException ? "permission denied" : ImageDecoder.SkipReasons.describe(e);
        }

        private void skip(Path file, String reason) {
            skipped.add(new SkippedFile(file.toString(), reason));
        }

        private String relative(Path file) {
            Path rel = root.relativize(file);
            StringBuilder sb = new StringBuilder();
            for (Path part : rel) {
                if (sb.length() > 0) {
                    sb.append('/');
                }
                sb.append(part);
            }
            return sb.toString();
        }
    }
}
