package io.mmdcstudio.views.settings;

import io.mmdcstudio.engine.run.NetworkKind;
import java.util.List;
import java.util.Map;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableBooleanValue;
import javafx.css.PseudoClass;
import javafx.geometry.HPos;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/**
 * The settings card: preset, clusters and epochs up front; the rest in an "Advanced settings" sheet. A field
 * with a bad value turns red and says why right under it, as it is typed.
 */
public final class SettingsPanel extends VBox {

    /** Set on a text field whose value is invalid (red border). */
    public static final PseudoClass INVALID = PseudoClass.getPseudoClass("invalid");

    private static final Map<String, String> PRESET_HELP = Map.of(
            "quick", "Minutes on a laptop CPU; a good first look.",
            "balanced", "A wider network and more epochs; still CPU-sized.",
            "paper", "The paper's recipe: hours to days on a CPU.");

    /** A card bound to {@code vm}; its inputs are disabled while {@code locked} is true (a run is going). */
    public SettingsPanel(SettingsViewModel vm, ObservableBooleanValue locked) {
        getStyleClass().addAll("card", "settings-panel");
        setId("settings-panel");

        Label title = new Label("Settings");
        title.getStyleClass().add("card-title");

        ComboBox<String> preset = new ComboBox<>();
        preset.setId("preset");
        preset.getItems().setAll(vm.presets());
        preset.valueProperty().bindBidirectional(vm.presetProperty());
        preset.setMaxWidth(Double.MAX_VALUE);
        Label presetHelp = new Label();
        presetHelp.getStyleClass().add("muted");
        presetHelp.setWrapText(true);
        presetHelp.textProperty().bind(Bindings.createStringBinding(
                () -> PRESET_HELP.getOrDefault(vm.presetProperty().get(), ""), vm.presetProperty()));

        GridPane basic = form();
        basic.addRow(0, new Label("Preset"), preset);
        basic.add(presetHelp, 1, 1);
        int row = 2;
        for (SettingField f : vm.basicFields()) {
            row = addField(basic, row, f);
        }

        GridPane advanced = form();
        int r = 0;
        ComboBox<NetworkKind> network = new ComboBox<>();
        network.setId("network");
        network.getItems().setAll(NetworkKind.values());
        network.valueProperty().bindBidirectional(vm.networkProperty());
        network.setConverter(new StringConverter<>() {
            @Override
            public String toString(NetworkKind k) {
                return k == null ? "" : switch (k) {
                    case COMPACT -> "Compact (fast)";
                    case VGG_SMALL -> "Small VGG";
                    case RESNET18 -> "ResNet-18";
                    case REFERENCE -> "As in the paper";
                };
            }

            @Override
            public NetworkKind fromString(String s) {
                return null;
            }
        });
        network.setMaxWidth(Double.MAX_VALUE);
        network.setTooltip(new Tooltip("The network that turns each image into an embedding."));
        advanced.addRow(r++, new Label("Network"), network);
        CheckBox rotation = new CheckBox("Rotation task");
        rotation.setId("rotation");
        rotation.selectedProperty().bindBidirectional(vm.rotationProperty());
        rotation.setTooltip(new Tooltip(
                "Also learn to tell how each image was turned; keeps the features meaningful."));
        advanced.add(rotation, 1, r++);
        for (SettingField f : vm.advancedFields()) {
            r = addField(advanced, r, f);
        }
        TitledPane sheet = new TitledPane("Advanced settings", advanced);
        sheet.setId("advanced-settings");
        sheet.setExpanded(false);
        sheet.getStyleClass().add("advanced-sheet");

        basic.disableProperty().bind(Bindings.createBooleanBinding(locked::get, locked));
        advanced.disableProperty().bind(basic.disableProperty());

        getChildren().addAll(title, basic, sheet);
    }

    private static GridPane form() {
        GridPane grid = new GridPane();
        grid.getStyleClass().add("settings-form");
        grid.setHgap(10);
        grid.setVgap(4);
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(118);
        labels.setHalignment(HPos.LEFT);
        ColumnConstraints inputs = new ColumnConstraints();
        inputs.setHgrow(Priority.ALWAYS);
        inputs.setFillWidth(true);
        grid.getColumnConstraints().setAll(List.of(labels, inputs));
        return grid;
    }

    /** Adds a labelled text field and its error line; returns the next free row. */
    private static int addField(GridPane grid, int row, SettingField f) {
        Label label = new Label(f.label());
        TextField input = new TextField();
        input.setId(f.key());
        input.setPrefColumnCount(8);
        input.textProperty().bindBidirectional(f.textProperty());
        Tooltip help = new Tooltip(f.help());
        input.setTooltip(help);
        label.setTooltip(help);
        Label error = new Label();
        error.setId(f.key() + "-error");
        error.getStyleClass().add("field-error");
        error.setWrapText(true);
        error.textProperty().bind(f.errorProperty());
        error.visibleProperty().bind(f.errorProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());
        f.errorProperty().addListener((obs, was, now) -> input.pseudoClassStateChanged(INVALID, !now.isEmpty()));
        input.pseudoClassStateChanged(INVALID, !f.errorProperty().get().isEmpty());
        grid.addRow(row, label, input);
        grid.add(error, 1, row + 1);
        return row + 2;
    }
}
