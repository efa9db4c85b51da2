package io.mmdcstudio.engine.run;

/** What a run is doing; each has a sentence for the window's teaching mode. */
public enum Phase {
    PREPARING("Building the network and drawing the mixture targets."),
    ROTATION("Rotation task: the network learns to tell how each image was turned, which keeps its features meaningful."),
    CLUSTERING("Matching: each batch's embeddings are paired with mixture targets (Hungarian) and pulled towards them."),
    SUPERVISED("Supervised: cross-entropy on the few labelled images, and each confident unlabelled image taught to "
            + "keep its predicted class under strong distortion."),
    REFINEMENT("Refinement: k-means on all embeddings re-labels the targets, keeping cluster ids stable."),
    EVALUATION("Evaluation: every training image is embedded and given its nearest mixture mean."),
    ASSIGNMENT("Assignment: every image, including those not trained on, gets its cluster.");

    private final String explanation;

    Phase(String explanation) {
        this.explanation = explanation;
    }

    /** One sentence on what this phase does, for people learning the method. */
    public String explanation() {
        return explanation;
    }
}
