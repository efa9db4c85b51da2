/**
 * Exporting a result from the window: choosing a target and a mode, previewing the plan (a dry run), carrying it
 * out off the FX thread with progress and cancel, and undoing it from its journal.
 */
package io.mmdcstudio.views.export;
