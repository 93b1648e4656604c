export interface ParentFacts {
  /** `config.parentOrigin`: the origin the page claimed, which the host found registered; else null. */
  claimed: string | null;
  /** `window.parent === window`: frame.html was opened directly, not framed. */
  topLevel: boolean;
  /** `location.ancestorOrigins` where the browser has it (Chromium, Safari); undefined elsewhere. */
  ancestorOrigins: ArrayLike<string> | undefined;
}

/**
 * The origin the frame may post to, or null: then it posts nothing and refuses as for
 * `ORIGIN_NOT_ALLOWED`.
 *
 * The host checked only that the claimed origin is registered for the provider; any page can
 * claim one in the URL. `frame-ancestors` stops unregistered pages, but not a registered page B
 * that claims registered origin A of the same provider, nor a page framed inside a registered one.
 * Where the browser names the direct parent (`ancestorOrigins[0]`), that name must be the claim.
 * Elsewhere (Firefox) posting to the exact origin is the guard: a message posted to A reaches no
 * other origin.
 *
 * The HTML standard now has `<iframe referrerpolicy="no-referrer">` (or `same-origin` across
 * origins) hide the embedder as `"null"` in `ancestorOrigins` (https://github.com/whatwg/html/pull/11560),
 * which would make such an iframe refused; Chromium 156 does not do it yet (e2e origins.spec.ts pins
 * today's behaviour), so the docs ask embedders not to set that policy rather than promise a refusal.
 */
export function verifiedParentOrigin({ claimed, topLevel, ancestorOrigins }: ParentFacts): string | null {
  if (claimed === null || topLevel) return null;
  return !ancestorOrigins || ancestorOrigins[0] === claimed ? claimed : null;
}
