import { useEffect, useRef } from 'preact/hooks';

/**
 * Focuses the element once it is mounted, when `enabled`. The first step is not focused on load:
 * taking focus inside an iframe would pull it away from the page that embeds the widget.
 */
export function useFocusOnMount<T extends HTMLElement>(enabled: boolean) {
  const ref = useRef<T>(null);
  useEffect(() => {
    if (enabled) ref.current?.focus();
  }, []);
  return ref;
}
