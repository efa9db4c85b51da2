package io.mmdcstudio.views.run;

/** Where the window's run stands. */
public enum RunState {
    /** No run yet on this data. */
    IDLE("Ready"),
    /** Start pressed: loading the network (and the data at another input size, if needed). */
    STARTING("Starting…"),
    /** Training. */
    RUNNING("Running"),
    /** Held at a batch boundary (Pause, or step mode after an epoch). */
    PAUSED("Paused"),
    /** Cancel pressed: finishing the current batch and assigning every image with the weights so far. */
    CANCELLING("Cancelling…"),
    /** Finished every epoch. */
    FINISHED("Finished"),
    /** Stopped early; the result of the completed epochs is shown. */
    CANCELLED("Cancelled"),
    /** Failed with an error message. */
    FAILED("Failed");

    private final String label;

    RunState(String label) {
        this.label = label;
    }

    /** The state in words for the status line. */
    public String label() {
        return label;
    }

    /** Whether a run is in progress (the settings and the data are locked). */
    public boolean active() {
        return this == STARTING || this == RUNNING || this == PAUSED || this == CANCELLING;
    }
}
