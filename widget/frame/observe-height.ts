/** The protocol's ceiling for a `resize` height. */
const MAX_HEIGHT = 100_000;

/**
 * Calls `onHeight` with the element's height in whole CSS pixels (rounded up, so that the frame
 * never clips a last pixel row) whenever it changes. Returns a function that stops watching.
 */
export function observeHeight(element: Element, onHeight: (height: number) => void): () => void {
  let last = -1;
  const measure = () => {
    const height = Math.min(MAX_HEIGHT, Math.ceil(element.getBoundingClientRect().height));
    if (height === last) return;
    last = height;
    onHeight(height);
  };
  const observer = new ResizeObserver(measure);
  observer.observe(element);
  return () => observer.disconnect();
}
