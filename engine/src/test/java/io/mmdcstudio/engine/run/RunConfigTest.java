package io.mmdcstudio.engine.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mmdcstudio.engine.io.Json;
import org.junit.jupiter.api.Test;

class RunConfigTest {

    @Test
    void everyPresetIsValidForGrayAndColour() {
        for (String name : RunConfig.PRESETS) {
            assertTrue(RunConfig.preset(name, 10, true).problems().isEmpty(), name);
            assertTrue(RunConfig.preset(name, 10, false).problems().isEmpty(), name);
        }
    }

    @Test
    void paperPresetIsTheReferenceRecipe() {
        RunConfig gray = RunConfig.preset("paper", 10, true);
        assertEquals(NetworkKind.VGG_SMALL, gray.network().resolve(1));
        assertEquals(128, gray.batchSize());
        assertEquals(0.05, gray.learningRate());
        assertEquals(50, gray.epochs());
        assertEquals(20, gray.refineFrom());
        assertEquals(Schedule.STEP, gray.schedule());
        assertEquals(0, gray.trainSubset(), "the reference trains on every image");
        RunConfig colour = RunConfig.preset("paper", 20, false);
        assertEquals(NetworkKind.RESNET18, colour.network().resolve(3));
        assertEquals(400, colour.epochs());
        assertEquals(1e-4, colour.weightDecay(), "weight decay 1e-4 for 20+ clusters");
        assertTrue(colour.rotation());
        assertEquals(1.0, colour.rotationShare());
    }

    @Test
    void jsonRoundTripKeepsEveryField() throws Exception {
        RunConfig c = RunConfig.preset("balanced", 7, false).withSeed(42);
        String json = Json.mapper().writeValueAsString(c);
        assertEquals(c, Json.mapper().readValue(json, RunConfig.class));
        assertTrue(json.contains("\"learningRate\""), json);
    }

    @Test
    void invalidValuesAreAllReportedInWords() {
        RunConfig bad = new RunConfig("x", 1, 0, 8, NetworkKind.COMPACT, 0, 0, null, -1, true, 0, 0, 0, 1, 1, -1, 1,
                0, Schedule.STEP, 0, 0.1, 0, java.util.List.of(1.5), false, 0, false, false, 1);
        var problems = bad.problems();
        assertTrue(problems.contains("clusters must be at least 2"), problems.toString());
        assertTrue(problems.contains("epochs must be at least 1"), problems.toString());
        assertTrue(problems.contains("learning rate must lie in (0, 10]"), problems.toString());
        assertTrue(problems.contains("crop fractions must lie in (0, 1]"), problems.toString());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, bad::validated);
        assertTrue(e.getMessage().startsWith("Invalid run configuration: "));
    }

    @Test
    void unknownPresetNamesTheChoices() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RunConfig.preset("fast", 3, true));
        assertTrue(e.getMessage().contains("quick, balanced, paper"));
        assertFalse(RunConfig.preset("QUICK", 3, true).problems().size() > 0, "names are case-insensitive");
    }

    @Test
    void smallFoldersGetSmallerBatchesAndMoreEpochsForAboutTheSameSteps() {
        RunConfig quick = RunConfig.preset("quick", 10, true);
        RunConfig small = quick.scaledTo(1000);
        assertEquals(56, small.batchSize());
        double stepsLarge = quick.epochs() * 20_000.0 / quick.batchSize();
        double stepsSmall = small.epochs() * 1000.0 / small.batchSize();
        assertEquals(stepsLarge, stepsSmall, stepsLarge * 0.15);
        assertEquals(1.0, small.rotationShare(), "a small folder does the rotation task on every image");
        assertEquals(quick, quick.scaledTo(70_000), "large data keeps the preset");
        RunConfig paper = RunConfig.preset("paper", 10, true);
        assertEquals(paper, paper.scaledTo(1000), "the paper preset is never changed");
        assertEquals(RunConfig.MAX_SCALED_EPOCHS, quick.scaledTo(100).epochs());
    }

    @Test
    void builderChangesOnlyWhatItIsTold() {
        RunConfig c = RunConfig.preset("balanced", 10, true);
        RunConfig d = c.toBuilder().learningRate(0.1).build();
        assertEquals(0.1, d.learningRate());
        assertEquals(c, d.toBuilder().learningRate(c.learningRate()).build());
    }
}
