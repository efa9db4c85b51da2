/** The main window: its root view model, layout, themes and shortcuts. */
package io.mmdcstudio.views.studio;
