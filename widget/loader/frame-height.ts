/** Before the frame's first `resize`: about the height of the details step. */
export const INITIAL_FRAME_HEIGHT = 360;
export const MIN_FRAME_HEIGHT = 100;
/** The frame may grow, but never take over the host page. */
export const MAX_FRAME_HEIGHT = 4000;

/** A frame's `resize` height as whole CSS pixels within the bounds above. */
export const clampHeight = (height: number): number =>
  Math.min(MAX_FRAME_HEIGHT, Math.max(MIN_FRAME_HEIGHT, Math.ceil(height) || 0));
