/** The live charts: losses, metrics per epoch, cluster sizes. */
package io.mmdcstudio.views.charts;
