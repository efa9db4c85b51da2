package io.mmdcstudio.views.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mmdcstudio.engine.run.NetworkKind;
import io.mmdcstudio.engine.run.RunConfig;
import org.junit.jupiter.api.Test;

class SettingsViewModelTest {

    private final SettingsViewModel vm = new SettingsViewModel();

    @Test
    void thePresetFillsEveryFieldAndMakesAValidConfig() {
        vm.adaptTo(1000, true, 10);
        RunConfig expected = RunConfig.preset("quick", 10, true).scaledTo(1000);
        RunConfig c = vm.configProperty().get();
        assertNotNull(c);
        assertEquals(expected, c);
        assertEquals(String.valueOf(expected.epochs()), vm.field("epochs").textProperty().get());
        assertEquals("", vm.problemProperty().get());
    }

    @Test
    void choosingAnotherPresetReplacesTheValues() {
        vm.presetProperty().set("paper");
        assertEquals(NetworkKind.REFERENCE, vm.networkProperty().get());
        assertEquals("50", vm.field("epochs").textProperty().get());
    }

    @Test
    void textThatIsNotANumberIsMarkedOnItsFieldAndBlocksTheConfig() {
        vm.field("epochs").textProperty().set("ten");
        assertNull(vm.configProperty().get());
        assertEquals("Epochs: enter a whole number", vm.field("epochs").errorProperty().get());
        assertEquals("Epochs: enter a whole number", vm.problemProperty().get());
        vm.field("epochs").textProperty().set("3");
        assertEquals("", vm.field("epochs").errorProperty().get());
        assertEquals(3, vm.configProperty().get().epochs());
    }

    @Test
    void aConfigProblemIsMarkedOnTheFieldItNames() {
        vm.field("clusters").textProperty().set("10");
        vm.field("batchSize").textProperty().set("4");
        assertNull(vm.configProperty().get());
        assertEquals("Batch size must be at least the number of clusters", vm.field("batchSize").errorProperty().get());
        assertEquals("", vm.field("clusters").errorProperty().get());
        vm.field("learningRate").textProperty().set("-1");
        assertTrue(vm.field("learningRate").errorProperty().get().startsWith("Learning rate must lie in"));
        assertEquals(2, vm.problems().size());
    }

    @Test
    void moreClustersThanImagesIsMarkedOnClusters() {
        vm.adaptTo(30, true, 0);
        vm.field("clusters").textProperty().set("40");
        vm.field("batchSize").textProperty().set("64");
        vm.field("trainSubset").textProperty().set("0");
        assertNull(vm.configProperty().get());
        assertEquals("Clusters: more clusters (40) than images (30)", vm.field("clusters").errorProperty().get());
    }

    @Test
    void decimalsAreShownAsTypedNumbers() {
        assertEquals("0.05", vm.field("learningRate").textProperty().get());
        assertEquals("0", vm.field("sigma").textProperty().get());
        vm.field("sigma").textProperty().set("0.25");
        assertEquals(0.25, vm.configProperty().get().sigma());
    }
}
