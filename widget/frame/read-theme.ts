export type Theme = 'light' | 'dark' | 'auto';

/**
 * The `theme` the loader put in the frame's URL (`data-theme`); `auto` follows the device.
 * Only a display choice, so it is read from the URL rather than from the host's config.
 */
export function readTheme(search: string): Theme {
  const theme = new URLSearchParams(search).get('theme');
  return theme === 'light' || theme === 'dark' ? theme : 'auto';
}

/**
 * The provider's `accent` from the URL (`data-accent`), unchecked: widget/theme/ takes `#rrggbb`
 * only and ignores anything else, and checking it there keeps the check out of the first load.
 */
export function readAccent(search: string): string | undefined {
  return new URLSearchParams(search).get('accent') || undefined;
}
