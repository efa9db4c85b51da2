/** Small JavaFX helpers shared by the views: hand-over to the FX thread, thumbnails, colours, stall measurement. */
package io.mmdcstudio.views.fx;
