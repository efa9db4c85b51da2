package io.mmdcstudio.views.settings;

import java.util.Locale;
import java.util.Objects;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * One numeric setting as the user types it: the text, and what is wrong with it (empty when nothing is).
 * The text stays exactly as typed, so a half-typed value is never rewritten under the user's cursor.
 */
public final class SettingField {

    /** The number a field holds. */
    public enum Kind {
        /** A whole number (int). */
        INTEGER,
        /** A whole number (long), e.g. a seed. */
        LONG,
        /** A decimal number. */
        DECIMAL
    }

    private final String key;
    private final String label;
    private final String help;
    private final Kind kind;
    private final String problemPrefix;
    private final StringProperty text = new SimpleStringProperty(this, "text", "");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");

    /**
     * @param key           a stable id (also the node id of its text field)
     * @param label         the label shown beside it
     * @param help          one sentence shown as its tooltip
     * @param kind          what number it holds
     * @param problemPrefix how {@code RunConfig.problems()} names this value at the start of a message ("batch
     *                      size"), so a problem is marked on the field it belongs to; null for none
     */
    SettingField(String key, String label, String help, Kind kind, String problemPrefix) {
        this.key = Objects.requireNonNull(key, "key");
        this.label = Objects.requireNonNull(label, "label");
        this.help = Objects.requireNonNull(help, "help");
        this.kind = Objects.requireNonNull(kind, "kind");
        this.problemPrefix = problemPrefix == null ? null : problemPrefix.toLowerCase(Locale.ROOT);
    }

    /** Stable id of the field. */
    public String key() {
        return key;
    }

    /** Label shown beside the field. */
    public String label() {
        return label;
    }

    /** One sentence on what the value does. */
    public String help() {
        return help;
    }

    /** What number the field holds. */
    public Kind kind() {
        return kind;
    }

    /** The text as typed. */
    public StringProperty textProperty() {
        return text;
    }

    /** What is wrong with the value, or empty. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    void setError(String message) {
        error.set(message == null ? "" : message);
    }

    /** Whether a config problem in words belongs to this field. */
    boolean owns(String problem) {
        return problemPrefix != null && problem.toLowerCase(Locale.ROOT).startsWith(problemPrefix);
    }

    /** The typed number, or null when the text is not one of this field's kind. */
    Number parse() {
        String t = text.get() == null ? "" : text.get().strip().replace("_", "");
        try {
            return switch (kind) {
                case INTEGER -> Integer.parseInt(t);
                case LONG -> Long.parseLong(t);
                case DECIMAL -> {
                    double d = Double.parseDouble(t);
                    yield Double.isFinite(d) ? d : null;
                }
            };
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** The message for text that is not a number of this kind. */
    String parseError() {
        return kind == Kind.DECIMAL ? label + ": enter a number, e.g. 0.05" : label + ": enter a whole number";
    }

    /** Shows {@code value} as text, the way a person would type it. */
    void show(Number value) {
        if (value instanceof Double d) {
            text.set(d == Math.rint(d) && Math.abs(d) < 1e6 ? String.valueOf(d.longValue())
                    : String.valueOf(d).replace("E", "e"));
        } else {
            text.set(String.valueOf(value));
        }
    }
}
