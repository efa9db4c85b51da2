package io.mmdcstudio.views.run;

import io.mmdcstudio.views.fx.Formats;
import io.mmdcstudio.views.fx.Icons;
import javafx.beans.binding.Bindings;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.controlsfx.control.ToggleSwitch;

/**
 * The run card: Start (with the reason when it cannot), Pause/Resume and Cancel with their shortcuts, step mode,
 * teaching mode, and the device the network runs on.
 */
public final class RunPanel extends VBox {

    /** Shortcut hints, shown in tooltips; {@code StudioView} installs the accelerators. */
    public static final String START_KEYS = "Ctrl+Enter";
    /** Pause and resume share one shortcut. */
    public static final String PAUSE_KEYS = "Ctrl+P";
    /** Cancel's shortcut. */
    public static final String CANCEL_KEYS = "Ctrl+.";

    /** A card bound to {@code vm}. */
    public RunPanel(RunViewModel vm) {
        getStyleClass().addAll("card", "run-panel");
        setId("run-panel");

        Label title = new Label("Run");
        title.getStyleClass().add("card-title");

        Button start = new Button("Start", Icons.play());
        start.setId("start");
        start.getStyleClass().add("accent");
        start.setMaxWidth(Double.MAX_VALUE);
        start.setDefaultButton(false);
        start.disableProperty().bind(vm.canStartProperty().not());
        start.setOnAction(e -> vm.start());
        start.setTooltip(new Tooltip("Start a run with these settings (" + START_KEYS + ")"));

        Button pause = new Button();
        pause.setId("pause");
        pause.setMaxWidth(Double.MAX_VALUE);
        pause.textProperty().bind(Bindings.when(vm.canResumeProperty()).then("Resume").otherwise("Pause"));
        pause.graphicProperty().bind(Bindings.createObjectBinding(
                () -> vm.canResumeProperty().get() ? Icons.play() : Icons.pause(), vm.canResumeProperty()));
        pause.disableProperty().bind(vm.canPauseProperty().not().and(vm.canResumeProperty().not()));
        pause.setOnAction(e -> vm.togglePause());
        pause.setTooltip(new Tooltip("Pause or resume at the next batch (" + PAUSE_KEYS + ")"));

        Button cancel = new Button("Cancel", Icons.stop());
        cancel.setId("cancel");
        cancel.setMaxWidth(Double.MAX_VALUE);
        cancel.disableProperty().bind(vm.canCancelProperty().not());
        cancel.setOnAction(e -> vm.cancel());
        cancel.setTooltip(new Tooltip(
                "Stop; every image is assigned with what was learnt so far (" + CANCEL_KEYS + ")"));

        Button resumeTraining = new Button("Resume training", Icons.play());
        resumeTraining.setId("resume-training");
        resumeTraining.setMaxWidth(Double.MAX_VALUE);
        resumeTraining.setOnAction(e -> vm.resumeTraining());
        resumeTraining.setTooltip(new Tooltip("Continue this run from its last checkpoint, up to the epochs set in "
                + "the settings (its folder stays as it is)"));
        resumeTraining.visibleProperty().bind(vm.canResumeTrainingProperty());
        resumeTraining.managedProperty().bind(resumeTraining.visibleProperty());

        HBox.setHgrow(start, Priority.ALWAYS);
        HBox.setHgrow(pause, Priority.ALWAYS);
        HBox.setHgrow(cancel, Priority.ALWAYS);
        HBox controls = new HBox(6, pause, cancel);

        Label blocked = new Label();
        blocked.setId("start-blocked");
        blocked.getStyleClass().add("warning-text");
        blocked.setWrapText(true);
        blocked.textProperty().bind(Bindings.createStringBinding(() -> {
            String why = vm.startBlockedReasonProperty().get();
            return vm.stateProperty().get().active() || why.isEmpty() ? "" : "Can't start: " + why;
        }, vm.startBlockedReasonProperty(), vm.stateProperty()));
        blocked.visibleProperty().bind(blocked.textProperty().isNotEmpty());
        blocked.managedProperty().bind(blocked.visibleProperty());

        ToggleSwitch step = new ToggleSwitch("Step mode: pause after each epoch");
        step.setId("step-mode");
        step.selectedProperty().bindBidirectional(vm.stepModeProperty());
        ToggleSwitch teach = new ToggleSwitch("Explain each phase");
        teach.setId("teaching");
        teach.selectedProperty().bindBidirectional(vm.teachingProperty());

        Label baseline = new Label();
        baseline.setId("baseline");
        baseline.getStyleClass().add("muted");
        baseline.setWrapText(true);
        baseline.textProperty().bind(Bindings.createStringBinding(() -> {
            BaselineScore b = vm.baselineProperty().get();
            return b == null ? "" : "To beat: pixel k-means reaches ACC " + Formats.metric(b.scores().acc())
                    + " on these images (k = " + b.k() + ").";
        }, vm.baselineProperty()));
        baseline.visibleProperty().bind(baseline.textProperty().isNotEmpty());
        baseline.managedProperty().bind(baseline.visibleProperty());

        Label device = new Label();
        device.setId("device");
        device.getStyleClass().add("muted");
        device.textProperty().bind(Bindings.concat("Runs on: ", vm.deviceProperty()));

        getChildren().addAll(title, start, resumeTraining, controls, blocked, baseline, step, teach, device);
    }
}
