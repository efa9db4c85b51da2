package io.mmdcstudio.engine.data;

import io.mmdcstudio.engine.data.FolderScanner.ImageFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Loads an image folder: scan, reuse cached images, decode the rest in parallel, assemble the NCHW block,
 * attach labels and a fingerprint.
 */
final class FolderLoader {

    /**
     * A loaded folder and how much work it took (tests and benchmarks check that a re-open decodes nothing).
     *
     * @param decoded   files decoded in this load
     * @param fromCache files whose result came from the cache
     */
    record Result(ImageDataset dataset, int decoded, int fromCache) {
    }

    private FolderLoader() {
    }

    static Result load(Path root, LoadOptions options, LoadProgress progress) throws DataException {
        progress.update(0, 0, "Scanning " + root);
        FolderScanner.Scan scan = FolderScanner.scan(root);
        List<ImageFile> files = scan.files();
        if (files.isEmpty()) {
            throw noImages(root, scan.skipped());
        }
        DatasetAssembler.checkFits(files.size(), 1, options.inputSize());
        DecodeCache cache = options.cacheDir() == null ? null
                : new DecodeCache(options.cacheDir(), root, options.inputSize());
        if (cache != null) {
            progress.update(0, 0, "Reading the image cache");
        }
        Map<String, DecodeCache.Entry> cached = cache == null ? Map.of() : cache.read();
        Decoded[] results = new Decoded[files.size()];
        List<Integer> toDecode = reuseCached(files, cached, results);
        ParallelDecoder.decode(files, toDecode, results, options, progress);
        if (cache != null && cacheChanged(files, toDecode, results, cached)) {
            progress.update(files.size(), files.size(), "Writing the image cache");
            cache.write(entries(files, results));
        }
        ImageDataset dataset = assemble(root, scan, results, options);
        return new Result(dataset, toDecode.size(), files.size() - toDecode.size());
    }

    private static List<Integer> reuseCached(List<ImageFile> files, Map<String, DecodeCache.Entry> cached,
            Decoded[] results) {
        List<Integer> toDecode = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            ImageFile f = files.get(i);
            DecodeCache.Entry entry = cached.get(f.path().toString());
            if (entry != null && entry.size() == f.size() && entry.modifiedNanos() == f.modifiedNanos()) {
                results[i] = entry.result();
            } else {
                toDecode.add(i);
            }
        }
        return toDecode;
    }

    /** Rewrite only for new cacheable results or entries of files that are gone, so a re-open stays read-only. */
    private static boolean cacheChanged(List<ImageFile> files, List<Integer> decoded, Decoded[] results,
            Map<String, DecodeCache.Entry> cached) {
        boolean newCacheable = decoded.stream()
                .anyMatch(i -> !(results[i] instanceof Decoded.Failure f) || f.permanent());
        int reused = files.size() - decoded.size();
        return newCacheable || cached.size() != reused;
    }

    private static List<DecodeCache.Entry> entries(List<ImageFile> files, Decoded[] results) {
        List<DecodeCache.Entry> entries = new ArrayList<>(files.size());
        for (int i = 0; i < files.size(); i++) {
            ImageFile f = files.get(i);
            entries.add(new DecodeCache.Entry(f.path().toString(), f.size(), f.modifiedNanos(), results[i]));
        }
        return entries;
    }

    private static ImageDataset assemble(Path root, FolderScanner.Scan scan, Decoded[] results, LoadOptions options)
            throws DataException {
        List<ImageFile> files = scan.files();
        List<SkippedFile> skipped = new ArrayList<>(scan.skipped());
        List<ImageFile> usable = new ArrayList<>();
        List<Decoded.Image> images = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            if (results[i] instanceof Decoded.Image image) {
                usable.add(files.get(i));
                images.add(image);
            } else {
                skipped.add(new SkippedFile(files.get(i).path().toString(), ((Decoded.Failure) results[i]).reason()));
            }
        }
        skipped.sort(Comparator.comparing(SkippedFile::path));
        if (images.isEmpty()) {
            throw noImages(root, skipped);
        }
        List<String> items = usable.stream().map(f -> f.path().toString()).toList();
        ImageDataset dataset = DatasetAssembler.assemble(items, images, options, skipped, fingerprint(files));
        return labels(root, usable, items, options).applyTo(dataset);
    }

    private static Labels labels(Path root, List<ImageFile> usable, List<String> items, LoadOptions options)
            throws DataException {
        return switch (options.labelMode()) {
            case NONE -> Labels.NONE;
            case CSV -> CsvLabels.read(options.labelsCsv(), items, field -> resolve(root, field));
            case AUTO -> subfolderLabels(usable);
        };
    }

    /** First-level subfolder names, or none as soon as one image lies directly in the root. */
    private static Labels subfolderLabels(List<ImageFile> usable) {
        List<String> names = new ArrayList<>(usable.size());
        for (ImageFile f : usable) {
            int slash = f.relativePath().indexOf('/');
            if (slash < 0) {
                return Labels.NONE;
            }
            names.add(f.relativePath().substring(0, slash));
        }
        return Labels.fromNames(names);
    }

    private static String resolve(Path root, String field) {
        try {
            return root.resolve(field).normalize().toString();
        } catch (InvalidPathException e) {
            return null;
        }
    }

    /** SHA-256 over every candidate's (relative path, size, mtime): changes when any file is added or touched. */
    private static String fingerprint(List<ImageFile> files) {
        MessageDigest digest = Fingerprints.sha256();
        for (ImageFile f : files) {
            digest.update((f.relativePath() + '\0' + f.size() + '\0' + f.modifiedNanos() + '\n')
                    .getBytes(StandardCharsets.UTF_8));
        }
        return Fingerprints.shortHex(digest.digest());
    }

    private static DataException noImages(Path root, List<SkippedFile> skipped) {
        if (skipped.isEmpty()) {
            return new DataException("No images in " + root + " (looked for "
                    + String.join(", ", new TreeSet<>(FolderScanner.EXTENSIONS)) + ")");
        }
        int n = skipped.size();
        return new DataException("No usable images in " + root + ": " + n + (n == 1 ? " file" : " files")
                + " skipped (see report)", skipped);
    }
}
