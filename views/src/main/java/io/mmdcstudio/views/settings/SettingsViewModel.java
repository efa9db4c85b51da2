package io.mmdcstudio.views.settings;

import io.mmdcstudio.engine.run.NetworkKind;
import io.mmdcstudio.engine.run.RunConfig;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The run settings: a preset, and the values a person may change (clusters, epochs, input size, network,
 * rotation, refinement epoch, σ, learning rate, batch size, training subset, seed), validated as they are typed.
 *
 * <p>{@link #configProperty()} is the run config the fields describe, or null while any of them is invalid;
 * {@link #problemProperty()} then says why in one sentence, and each field carries its own message. The other
 * values of a config (augmentation, schedule, …) come from the chosen preset.
 */
public final class SettingsViewModel {

    private final ObjectProperty<String> preset = new SimpleObjectProperty<>(this, "preset", "quick");
    private final ObjectProperty<NetworkKind> network =
            new SimpleObjectProperty<>(this, "network", NetworkKind.COMPACT);
    private final BooleanProperty rotation = new SimpleBooleanProperty(this, "rotation", true);
    private final ReadOnlyObjectWrapper<RunConfig> config = new ReadOnlyObjectWrapper<>(this, "config");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");
    private final ObservableList<String> problems = FXCollections.observableArrayList();
    /** Kept, not made per call: listeners on a read-only view are attached weakly to the list behind it. */
    private final ObservableList<String> problemsView = FXCollections.unmodifiableObservableList(problems);

    private final SettingField clusters = new SettingField("clusters", "Clusters (k)",
            "How many groups to sort the images into.", SettingField.Kind.INTEGER, "clusters");
    private final SettingField epochs = new SettingField("epochs", "Epochs",
            "Passes over the training images; more take longer and usually sort better.", SettingField.Kind.INTEGER,
            "epochs");
    private final SettingField inputSize = new SettingField("inputSize", "Input size (px)",
            "Images are resized to squares of this side before the network sees them.", SettingField.Kind.INTEGER,
            "input size");
    private final SettingField refineFrom = new SettingField("refineFrom", "Refine from epoch",
            "From this epoch on, k-means on all embeddings re-labels the targets (0 = never).",
            SettingField.Kind.INTEGER, "refinement epoch");
    private final SettingField sigma = new SettingField("sigma", "Target spread σ",
            "Spread of the mixture targets around their means (0 = the means themselves).",
            SettingField.Kind.DECIMAL, "sigma");
    private final SettingField learningRate = new SettingField("learningRate", "Learning rate",
            "Step size of the SGD optimiser.", SettingField.Kind.DECIMAL, "learning rate");
    private final SettingField batchSize = new SettingField("batchSize", "Batch size",
            "Images per training step; at least the number of clusters.", SettingField.Kind.INTEGER, "batch size");
    private final SettingField trainSubset = new SettingField("trainSubset", "Training subset",
            "Train on this many images, then assign every image (0 = train on all).", SettingField.Kind.INTEGER,
            "training subset");
    private final SettingField seed = new SettingField("seed", "Seed",
            "Seed of every random choice: the same seed gives the same result.", SettingField.Kind.LONG, "seed");

    private final List<SettingField> fields = List.of(clusters, epochs, inputSize, refineFrom, sigma, learningRate,
            batchSize, trainSubset, seed);

    private RunConfig base = RunConfig.preset("quick", 10, true);
    private int images;
    private boolean grayscale = true;
    private boolean filling;

    /** Settings of the quick preset for 10 clusters, until data arrives. */
    public SettingsViewModel() {
        fill(base);
        for (SettingField f : fields) {
            f.textProperty().addListener((obs, was, now) -> revalidate());
        }
        network.addListener((obs, was, now) -> revalidate());
        rotation.addListener((obs, was, now) -> revalidate());
        preset.addListener((obs, was, now) -> {
            if (!filling) {
                applyPreset();
            }
        });
        revalidate();
    }

    /**
     * Adapts the settings to newly opened data: k becomes the number of labelled classes when there are labels,
     * and the preset is sized for the number of images ({@link RunConfig#scaledTo}).
     *
     * @param imageCount images in the data
     * @param isGrayscale whether the data has one channel
     * @param classes     labelled classes, or 0 without labels
     */
    public void adaptTo(int imageCount, boolean isGrayscale, int classes) {
        images = imageCount;
        grayscale = isGrayscale;
        if (classes >= 2) {
            clusters.show(classes);
        }
        applyPreset();
    }

    /** Shows the settings of an earlier run (opened from its folder), so Start runs it again. */
    public void use(RunConfig c) {
        filling = true;
        try {
            if (RunConfig.PRESETS.contains(c.preset())) {
                preset.set(c.preset());
            }
        } finally {
            filling = false;
        }
        base = c;
        fill(c);
        revalidate();
    }

    /** Re-reads the chosen preset for the current k and data, replacing every value shown. */
    public void applyPreset() {
        Number k = clusters.parse();
        int kValue = k == null || k.intValue() < 2 ? 10 : k.intValue();
        RunConfig fresh = RunConfig.preset(preset.get(), kValue, grayscale);
        base = images > 0 ? fresh.scaledTo(images) : fresh;
        fill(base);
        revalidate();
    }

    private void fill(RunConfig c) {
        filling = true;
        try {
            clusters.show(c.clusters());
            epochs.show(c.epochs());
            inputSize.show(c.inputSize());
            refineFrom.show(c.refineFrom());
            sigma.show(c.sigma());
            learningRate.show(c.learningRate());
            batchSize.show(c.batchSize());
            trainSubset.show(c.trainSubset());
            seed.show(c.seed());
            network.set(c.network());
            rotation.set(c.rotation());
        } finally {
            filling = false;
        }
    }

    private void revalidate() {
        if (filling) {
            return;
        }
        Map<SettingField, String> fieldErrors = new LinkedHashMap<>();
        List<String> found = new ArrayList<>();
        Map<SettingField, Number> values = new LinkedHashMap<>();
        for (SettingField f : fields) {
            Number v = f.parse();
            if (v == null) {
                fieldErrors.put(f, f.parseError());
                found.add(f.parseError());
            } else {
                values.put(f, v);
            }
        }
        RunConfig candidate = null;
        if (found.isEmpty()) {
            candidate = base.toBuilder()
                    .clusters(values.get(clusters).intValue())
                    .epochs(values.get(epochs).intValue())
                    .inputSize(values.get(inputSize).intValue())
                    .refineFrom(values.get(refineFrom).intValue())
                    .sigma(values.get(sigma).doubleValue())
                    .learningRate(values.get(learningRate).doubleValue())
                    .batchSize(values.get(batchSize).intValue())
                    .trainSubset(values.get(trainSubset).intValue())
                    .seed(values.get(seed).longValue())
                    .network(network.get())
                    .rotation(rotation.get())
                    .build();
            found.addAll(candidate.problems());
            if (images > 0 && candidate.clusters() > images) {
                found.add("Clusters: more clusters (" + candidate.clusters() + ") than images (" + images + ")");
            }
            for (String p : found) {
                for (SettingField f : fields) {
                    if (f.owns(p) && !fieldErrors.containsKey(f)) {
                        fieldErrors.put(f, capitalise(p));
                    }
                }
            }
        }
        for (SettingField f : fields) {
            f.setError(fieldErrors.get(f));
        }
        problems.setAll(found.stream().map(SettingsViewModel::capitalise).toList());
        problem.set(problems.isEmpty() ? "" : problems.get(0));
        config.set(found.isEmpty() ? candidate : null);
    }

    private static String capitalise(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    /** The names of the presets, in order of effort. */
    public List<String> presets() {
        return RunConfig.PRESETS;
    }

    /** The chosen preset; choosing one replaces every value. */
    public ObjectProperty<String> presetProperty() {
        return preset;
    }

    /** The backbone network. */
    public ObjectProperty<NetworkKind> networkProperty() {
        return network;
    }

    /** Whether rotation epochs run. */
    public BooleanProperty rotationProperty() {
        return rotation;
    }

    /** The config the fields describe, or null while any is invalid. */
    public ReadOnlyObjectProperty<RunConfig> configProperty() {
        return config.getReadOnlyProperty();
    }

    /** The first problem in one sentence, or empty. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /** Every problem, in words (read-only). */
    public ObservableList<String> problems() {
        return problemsView;
    }

    /** The field with this key. */
    public SettingField field(String key) {
        return fields.stream().filter(f -> f.key().equals(key)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no setting " + key));
    }

    /** The fields shown without opening the advanced sheet. */
    public List<SettingField> basicFields() {
        return List.of(clusters, epochs);
    }

    /** The fields of the advanced sheet. */
    public List<SettingField> advancedFields() {
        return List.of(inputSize, refineFrom, sigma, learningRate, batchSize, trainSubset, seed);
    }
}
