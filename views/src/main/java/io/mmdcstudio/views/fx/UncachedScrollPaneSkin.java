package io.mmdcstudio.views.fx;

import javafx.scene.control.ScrollPane;
import javafx.scene.control.skin.ScrollPaneSkin;

/**
 * The standard scroll pane skin without its cached viewport. {@code ScrollPaneSkin} caches everything inside a
 * scroll pane as one image, so that scrolling only moves a picture. The price is paid whenever anything inside
 * changes: the whole visible content is painted again into that image, then the image onto the window. For the
 * side bar, Start greys one button, and the software renderer (the one a Linux desktop without a GPU driver,
 * and Xvfb, use) repainted the whole 330 × 700 px bar for it: 23 ms of a frame that had to stay under 50 ms
 * (docs/BENCHMARKS.md, section 6). Without the cache only the parts that changed are painted. The cache also
 * makes text blurry at fractional scales.
 *
 * <p>studio.css gives every {@code .scroll-pane} this skin, including those inside other controls.
 */
public final class UncachedScrollPaneSkin extends ScrollPaneSkin {

    /** The viewport's style class, set by {@code ScrollPaneSkin}. */
    static final String VIEWPORT = "viewport";

    /** Builds the standard skin for {@code pane}, then turns its viewport's cache off. */
    public UncachedScrollPaneSkin(ScrollPane pane) {
        super(pane);
        getChildren().stream()
                .filter(n -> n.getStyleClass().contains(VIEWPORT))
                .forEach(n -> n.setCache(false));
    }
}
