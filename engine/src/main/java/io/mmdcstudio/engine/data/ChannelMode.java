package io.mmdcstudio.engine.data;

/** How many colour channels the loaded dataset has. */
public enum ChannelMode {
    /** One channel when every usable image is grayscale (all pixels have R = G = B after decoding), else three. */
    AUTO,
    /** Always one channel; colour images are converted to luma (ITU-R BT.601 weights). */
    GRAY,
    /** Always three channels; grayscale images are replicated into R, G and B. */
    RGB
}
