/** A person's corrections of a result (cluster names, merges, moved and pinned images), kept in edits.json. */
package io.mmdcstudio.views.corrections;
