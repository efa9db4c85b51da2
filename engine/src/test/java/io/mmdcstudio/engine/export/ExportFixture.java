package io.mmdcstudio.engine.export;

import io.mmdcstudio.engine.results.Assignment;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

/** Small files with distinct, seeded content and their assignments: file i is {@code a|b/img<i/2>}, cluster (i/2) % k. */
final class ExportFixture {

    private ExportFixture() {}

    /** Writes {@code n} files into {@code dir}/a and {@code dir}/b (the same names in both, to force clashes). */
    static List<Assignment> make(Path dir, int n, int k, long seed) throws IOException {
        Random random = new Random(seed);
        List<Assignment> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Path file = dir.resolve(i % 2 == 0 ? "a" : "b").resolve(String.format("img%04d.png", i / 2));
            Files.createDirectories(file.getParent());
            byte[] content = new byte[64 + random.nextInt(256)];
            random.nextBytes(content);
            Files.write(file, content);
            rows.add(new Assignment(file.toString(), (i / 2) % k, 0.5, null)); // a/x and b/x share a cluster: a clash
        }
        return rows;
    }

    /** Content of every regular file under {@code dir}, keyed by content hash, so files can be found after moves. */
    static Map<String, Integer> contents(Path dir) throws IOException {
        Map<String, Integer> out = new HashMap<>();
        if (!Files.exists(dir)) {
            return out;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.filter(Files::isRegularFile).filter(f -> !f.getFileName().toString().startsWith("mmdc-"))
                    .toList()) {
                out.merge(java.util.Arrays.toString(Files.readAllBytes(f)), 1, Integer::sum);
            }
        }
        return out;
    }
}
