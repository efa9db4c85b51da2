package io.mmdcstudio.engine.session;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** session.json and map.f32 read back as written; other, newer and damaged files are refused with a message. */
class SessionFilesTest {

    @TempDir
    Path dir;

    @Test
    void stateAndMapReadBackAsWritten() throws IOException {
        SessionState s = SessionState.of("/data/photos", "Map", "/data/photos/a.png", "t-SNE", "2026-12-04T21:00:00Z");
        s.write(dir);
        assertEquals(s, SessionState.read(dir));
        assertTrue(SessionState.isSession(dir));

        SessionMap m = new SessionMap(new int[] {0, 5, 2}, new float[] {0.5f, -1f, Float.MIN_VALUE},
                new float[] {1f, 0f, -0.25f});
        m.write(dir);
        SessionMap back = SessionMap.read(dir);
        assertArrayEquals(m.rows(), back.rows());
        assertArrayEquals(m.x(), back.x());
        assertArrayEquals(m.y(), back.y());
        assertFalse(Files.exists(dir.resolve(SessionMap.FILE + ".tmp")));
    }

    @Test
    void aCorruptOrNewerStateIsRefusedWithTheFileNamed() throws IOException {
        Files.writeString(dir.resolve(SessionState.FILE), "{\"format\": \"mmdc-studio-session\", \"formatVer");
        IOException corrupt = assertThrows(IOException.class, () -> SessionState.read(dir));
        assertTrue(corrupt.getMessage().contains("is corrupt"), corrupt.getMessage());
        Files.writeString(dir.resolve(SessionState.FILE), "{\"format\": \"mmdc-studio-session\", \"formatVersion\": 7}");
        IOException newer = assertThrows(IOException.class, () -> SessionState.read(dir));
        assertTrue(newer.getMessage().contains("newer MMDC Studio"), newer.getMessage());
        Files.writeString(dir.resolve(SessionState.FILE), "{\"format\": \"mmdc-studio-edits\", \"formatVersion\": 1}");
        assertTrue(assertThrows(IOException.class, () -> SessionState.read(dir)).getMessage().contains("not an"));
    }

    @Test
    void aDamagedOrNewerMapIsRefused() throws IOException {
        new SessionMap(new int[] {1, 2}, new float[2], new float[2]).write(dir);
        byte[] whole = Files.readAllBytes(dir.resolve(SessionMap.FILE));
        Files.write(dir.resolve(SessionMap.FILE), java.util.Arrays.copyOf(whole, whole.length - 3));
        assertThrows(IOException.class, () -> SessionMap.read(dir));
        whole[7] = '2';
        Files.write(dir.resolve(SessionMap.FILE), whole);
        assertTrue(assertThrows(IOException.class, () -> SessionMap.read(dir)).getMessage().contains("newer"));
        Files.write(dir.resolve(SessionMap.FILE), "item,x,y\n".getBytes(StandardCharsets.UTF_8));
        assertTrue(assertThrows(IOException.class, () -> SessionMap.read(dir)).getMessage().contains("not an"));
    }

    @Test
    void aPendingRunReadsBackWithItsSettingsUntilItIsCleared() throws IOException {
        io.mmdcstudio.engine.run.RunConfig config = io.mmdcstudio.engine.run.RunConfig.preset("quick", 4, true)
                .withEpochs(7);
        PendingRun p = PendingRun.of("/data/photos", config, "2026-12-04T21:00:00Z");
        p.write(dir);
        assertTrue(PendingRun.exists(dir));
        assertEquals(p, PendingRun.read(dir));
        PendingRun.clear(dir);
        assertFalse(PendingRun.exists(dir));
        Files.writeString(dir.resolve(PendingRun.FILE), "{\"format\": \"mmdc-studio-pending-run\", \"formatVersion\": 2}");
        assertTrue(assertThrows(IOException.class, () -> PendingRun.read(dir)).getMessage().contains("newer"));
    }
}
