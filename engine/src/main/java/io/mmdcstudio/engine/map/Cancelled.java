package io.mmdcstudio.engine.map;

/** Unwinds a layout from deep inside a preparation step when it is cancelled; {@link Tsne} turns it into a result. */
final class Cancelled extends RuntimeException {

    Cancelled() {
        super("map layout cancelled", null, false, false);
    }
}
