package io.mmdcstudio.app.gui;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Which data the window opens with: the last folder, else the bundled sample data, else none. */
final class InitialData {

    /** System property naming the repository or installation folder; the {@code ./mmdc} launcher sets it. */
    static final String HOME_PROPERTY = "mmdc.home";

    private InitialData() {}

    static Optional<Path> choose(AppSettings settings) {
        Optional<Path> last = settings.lastFolder().filter(Files::exists);
        return last.isPresent() ? last : sampleData();
    }

    /** The bundled sample data: under {@code mmdc.home}, else under the working directory; empty if neither. */
    static Optional<Path> sampleData() {
        String home = System.getProperty(HOME_PROPERTY);
        if (home != null && !home.isBlank()) {
            Path p = Path.of(home, "sample-data");
            if (Files.isDirectory(p)) {
                return Optional.of(p);
            }
        }
        Path here = Path.of("sample-data").toAbsolutePath();
        return Files.isDirectory(here) ? Optional.of(here) : Optional.empty();
    }
}
