/**
 * Acting on a result safely: planning an export of images into one folder per cluster (copy, move or link),
 * carrying it out behind an undo journal written before the first file is touched, and undoing it. Nothing is
 * ever overwritten: a name clash gets a suffix, and every step is one the journal can reverse after a crash.
 */
package io.mmdcstudio.engine.export;
