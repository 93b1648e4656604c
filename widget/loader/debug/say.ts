export type Say = (level: 'warn' | 'info', text: string) => void;

/**
 * Prints `[kycvs] text` once per page: a sentence repeated for each widget, or for each of a
 * single-page app's renders, would bury the one that matters.
 */
export function createSay(out: Pick<Console, 'warn' | 'info'>): Say {
  const said = new Set<string>();
  return (level, text) => {
    if (said.has(text)) return;
    said.add(text);
    out[level]('[kycvs] ' + text);
  };
}
