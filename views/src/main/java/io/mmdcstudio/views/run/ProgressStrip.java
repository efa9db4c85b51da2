package io.mmdcstudio.views.run;

import io.mmdcstudio.engine.run.Phase;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.css.PseudoClass;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The bottom of the window: state, phase, epoch, a progress bar, time left and speed; under it, in teaching
 * mode, one sentence on what the current phase does; and any message (paused, saved, failed).
 */
public final class ProgressStrip extends VBox {

    /** A strip bound to {@code vm}. */
    public ProgressStrip(RunViewModel vm) {
        getStyleClass().add("progress-strip");
        setId("progress-strip");

        Label state = new Label();
        state.setId("run-state");
        state.getStyleClass().add("state-chip");
        state.textProperty().bind(Bindings.createStringBinding(() -> vm.stateProperty().get().label(),
                vm.stateProperty()));
        vm.stateProperty().addListener((obs, was, now) -> {
            for (RunState s : RunState.values()) {
                state.pseudoClassStateChanged(pseudo(s.name()), s == now);
            }
        });
        state.pseudoClassStateChanged(pseudo(vm.stateProperty().get().name()), true);

        Label phase = new Label();
        phase.setId("phase");
        phase.getStyleClass().add("phase-label");
        phase.textProperty().bind(Bindings.createStringBinding(() -> {
            Phase p = vm.phaseProperty().get();
            return p == null ? "" : title(p);
        }, vm.phaseProperty()));

        Label epoch = new Label();
        epoch.setId("epoch");
        epoch.textProperty().bind(vm.epochTextProperty());

        ProgressBar bar = new ProgressBar(0);
        bar.setId("run-progress");
        bar.setMaxWidth(Double.MAX_VALUE);
        bar.progressProperty().bind(vm.fractionProperty());
        HBox.setHgrow(bar, Priority.ALWAYS);

        Label percent = new Label();
        percent.getStyleClass().add("muted");
        percent.textProperty().bind(Bindings.createStringBinding(() -> {
            double f = vm.fractionProperty().get();
            return f < 0 ? "" : String.format(Locale.ROOT, "%.0f%%", f * 100);
        }, vm.fractionProperty()));
        Label eta = new Label();
        eta.setId("eta");
        eta.getStyleClass().add("muted");
        eta.textProperty().bind(vm.etaTextProperty());
        Label speed = new Label();
        speed.getStyleClass().add("muted");
        speed.textProperty().bind(vm.speedTextProperty());

        HBox line = new HBox(12, state, phase, epoch, bar, percent, eta, speed);
        line.getStyleClass().add("progress-line");

        Label explanation = new Label();
        explanation.setId("explanation");
        explanation.getStyleClass().add("explanation");
        explanation.setWrapText(true);
        explanation.textProperty().bind(vm.explanationProperty());
        explanation.visibleProperty().bind(vm.teachingProperty());
        explanation.managedProperty().bind(explanation.visibleProperty());

        Label message = new Label();
        message.setId("run-message");
        message.getStyleClass().add("run-message");
        message.setWrapText(true);
        message.textProperty().bind(vm.messageProperty());
        message.visibleProperty().bind(vm.messageProperty().isNotEmpty());
        message.managedProperty().bind(message.visibleProperty());

        getChildren().addAll(line, explanation, message);
    }

    private static PseudoClass pseudo(String state) {
        return PseudoClass.getPseudoClass(state.toLowerCase(Locale.ROOT));
    }

    /** A phase's name as a title, e.g. "Rotation task". */
    static String title(Phase p) {
        return switch (p) {
            case PREPARING -> "Preparing";
            case ROTATION -> "Rotation task";
            case CLUSTERING -> "Clustering";
            case SUPERVISED -> "Supervised (few labels)";
            case REFINEMENT -> "Refinement";
            case EVALUATION -> "Evaluation";
            case ASSIGNMENT -> "Assigning every image";
        };
    }
}
