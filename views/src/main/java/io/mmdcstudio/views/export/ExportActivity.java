package io.mmdcstudio.views.export;

/** What the export sheet is busy with, if anything. */
public enum ExportActivity {
    /** Nothing: the person chooses, previews, exports or undoes. */
    NONE("Ready"),
    /** Working out the plan (a dry run): reads the file system, changes nothing. */
    PLANNING("Previewing…"),
    /** Copying, moving or linking files. */
    EXPORTING("Exporting…"),
    /** Putting every file back from the undo journal. */
    UNDOING("Undoing…");

    private final String label;

    ExportActivity(String label) {
        this.label = label;
    }

    /** In words, for the status line. */
    public String label() {
        return label;
    }

    /** Whether work is in progress (the choices are locked, Cancel is offered for export and undo). */
    public boolean busy() {
        return this != NONE;
    }
}
