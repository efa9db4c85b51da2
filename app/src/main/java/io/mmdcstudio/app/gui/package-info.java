/** The desktop application: launcher, window wiring, remembered settings and documentation screenshots. */
package io.mmdcstudio.app.gui;
