/** The map: a 2-D projection of the embeddings, animated from epoch to epoch. */
package io.mmdcstudio.views.map;
