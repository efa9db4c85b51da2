/** The composition root: command line, JavaFX application and settings. */
package io.mmdcstudio.app;
