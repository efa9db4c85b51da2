/** Opening data: the scan summary, the thumbnail strip and the problem report. */
package io.mmdcstudio.views.data;
