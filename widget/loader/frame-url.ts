/** Query parameters of `frame.html`, in the order they appear (docs/portals.md). */
export interface FrameParams {
  provider: string;
  /** The embedding page's exact origin: the only one the frame will post to. */
  origin: string;
  instance: string;
  /** Tags in order of preference, comma-separated; the host picks the first it speaks. */
  lang?: string;
  nonce?: string;
  theme?: string;
  /** The provider's accent, `#rrggbb`. */
  accent?: string;
  /** The page's label for this check (`data-action`); the host keeps it only when well-formed. */
  action?: string;
  /** `'1'`: show "Share picture" on the result step (`data-share`); absent otherwise. */
  share?: string;
}

/** `HOST/frame.html?provider=…&origin=…&instance=…[&lang=…][&nonce=…][&theme=…][&accent=…][&action=…][&share=1]`. */
export function frameUrl(host: string, params: FrameParams): string {
  // Form encoding (a space is `+`), which the host's query parser reads back as written.
  return host + '/frame.html?' + new URLSearchParams(params as unknown as Record<string, string>);
}
