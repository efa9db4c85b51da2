/** The cluster gallery: clusters as rows of their most typical images, and the image details. */
package io.mmdcstudio.views.gallery;
