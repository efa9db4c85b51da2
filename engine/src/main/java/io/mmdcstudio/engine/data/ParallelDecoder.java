package io.mmdcstudio.engine.data;

import io.mmdcstudio.engine.data.FolderScanner.ImageFile;
import java.util.List;

/** Decodes the files that the cache could not serve, on all decoder threads. */
final class ParallelDecoder {

    private ParallelDecoder() {
    }

    /**
     * Decodes {@code files[todo[k]]} into {@code results[todo[k]]} for every k.
     *
     * @throws DataException only when the calling thread is interrupted: bad files become failures
     */
    static void decode(List<ImageFile> files, List<Integer> todo, Decoded[] results, LoadOptions options,
            LoadProgress progress) throws DataException {
        if (todo.isEmpty()) {
            return;
        }
        ImageDecoder decoder = new ImageDecoder(options.inputSize(), options.maxPixels());
        String message = "Decoding " + todo.size() + (todo.size() == 1 ? " image" : " images");
        progress.update(0, todo.size(), message);
        Workers.run(options.threads(), todo.size(), k -> {
            ImageFile file = files.get(todo.get(k));
            results[todo.get(k)] = decoder.decode(file.path(), file.size());
        }, Workers.throttled(progress, todo.size(), message));
    }
}
