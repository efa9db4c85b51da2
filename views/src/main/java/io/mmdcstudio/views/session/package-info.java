/** Saving and re-opening the window's whole state as a session folder. */
package io.mmdcstudio.views.session;
