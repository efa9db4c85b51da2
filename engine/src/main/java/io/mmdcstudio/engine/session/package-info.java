/**
 * Sessions: a run folder plus what the window showed (session.json) and the map layout (map.f32), so that a
 * session re-opens in its last state without retraining and without recomputing the map.
 */
package io.mmdcstudio.engine.session;
