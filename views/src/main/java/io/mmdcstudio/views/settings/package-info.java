/** The run settings: presets, the advanced sheet and validation as values are typed. */
package io.mmdcstudio.views.settings;
