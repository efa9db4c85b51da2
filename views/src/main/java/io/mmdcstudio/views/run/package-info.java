/** A run in the window: commands, progress, the hand-over of engine events, analysis and the summary. */
package io.mmdcstudio.views.run;
