/** The codings the build writes beside each text file (scripts/precompress.ts), best first: brotli is smaller. */
export const CODINGS = ['br', 'gzip'] as const;
export type Coding = (typeof CODINGS)[number];

/** `Accept-Encoding` as coding → weight; `x-gzip` is gzip (RFC 9110 §12.5.3, §8.4.1.3). */
function weights(header: string): Map<string, number> {
  const map = new Map<string, number>();
  for (const part of header.split(',')) {
    const [name, ...params] = part.split(';').map((s) => s.trim().toLowerCase());
    if (!name) continue;
    const q = params.find((p) => /^q\s*=/.test(p));
    const weight = q === undefined ? 1 : Number(q.replace(/^q\s*=\s*/, ''));
    map.set(name === 'x-gzip' ? 'gzip' : name, Number.isFinite(weight) ? weight : 0);
  }
  return map;
}

/**
 * The best of the `available` codings that the request's `Accept-Encoding` allows, else `identity`.
 * A weight of 0 refuses a coding, `*` stands for every coding not named, and with no header at all
 * the plain file is sent, as browsers always send one. Among equal weights brotli wins.
 * @example chooseCoding('gzip, deflate, br, zstd', ['br', 'gzip']) // 'br'
 */
export function chooseCoding(header: string | undefined, available: readonly Coding[]): Coding | 'identity' {
  if (!header) return 'identity';
  const accepted = weights(header);
  const star = accepted.get('*') ?? 0;
  let best: Coding | 'identity' = 'identity';
  let bestWeight = 0;
  for (const coding of CODINGS) {
    const weight = accepted.get(coding) ?? star;
    if (available.includes(coding) && weight > bestWeight) [best, bestWeight] = [coding, weight];
  }
  return best;
}
