/** Query parameters of `frame.html`, in the order they appear (DESIGN.md, contract 1). */
export interface FrameParams {
  provider: string;
  /** The embedding page's exact origin: the only one the frame will post to. */
  origin: string;
  lang: string;
  instance: string;
  nonce?: string;
  theme?: string;
}

/** `HOST/frame.html?provider=…&origin=…&lang=…&instance=…[&nonce=…][&theme=…]`. */
export function frameUrl(host: string, params: FrameParams): string {
  const query = Object.keys(params)
    .map((k) => k + '=' + encodeURIComponent(params[k as keyof FrameParams]!))
    .join('&');
  return host + '/frame.html?' + query;
}
