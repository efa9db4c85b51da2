package io.mmdcstudio.views.export;

/**
 * One cluster folder of a planned export.
 *
 * @param folder the folder's name under the export target
 * @param images how many images go into it
 */
public record FolderCount(String folder, int images) {}
