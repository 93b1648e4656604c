import type { FrameConfig } from '../../contract';
import { scopes } from '../../contract';

/**
 * The host's config for this frame, from `<meta name="kycvs-config" content="{JSON}">` (a meta, not
 * an inline script, so that the CSP can forbid inline scripts). Undefined when missing or malformed.
 */
export function readConfig(doc: Pick<Document, 'querySelector'>): FrameConfig | undefined {
  return parseConfig(doc.querySelector('meta[name="kycvs-config"]')?.getAttribute('content') ?? null);
}

export function parseConfig(content: string | null): FrameConfig | undefined {
  if (!content) return undefined;
  try {
    const parsed: unknown = JSON.parse(content);
    return isFrameConfig(parsed) ? parsed : undefined;
  } catch {
    return undefined;
  }
}

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isStr = (v: unknown): v is string => typeof v === 'string';
const opt = (v: unknown, type: 'string' | 'boolean') => v === undefined || typeof v === type;
const isScope = (v: unknown) => (scopes as readonly unknown[]).includes(v);

/**
 * A hand-written twin of `FrameConfigSchema`: the frame's first load has no zod in it (it would be
 * a third of it). read-config.test.ts holds the two to accepting the same values.
 */
export function isFrameConfig(v: unknown): v is FrameConfig {
  if (!isObj(v) || !isObj(v.provider)) return false;
  const { provider, parentOrigin, refusal } = v;
  return (
    isStr(provider.id) &&
    isStr(provider.name) &&
    Array.isArray(provider.scope) &&
    // Array.from: `every` would skip the holes of a sparse array, which zod reads as undefined.
    Array.from(provider.scope).every(isScope) &&
    (parentOrigin === null || isStr(parentOrigin)) &&
    (refusal === null || refusal === 'UNKNOWN_PROVIDER' || refusal === 'ORIGIN_NOT_ALLOWED') &&
    isStr(v.lang) &&
    isStr(v.instance) &&
    opt(v.nonce, 'string') &&
    opt(v.action, 'string') &&
    opt(v.share, 'boolean') &&
    opt(v.standalone, 'boolean') &&
    (v.redirect === undefined || (isObj(v.redirect) && isStr(v.redirect.uri) && isStr(v.redirect.state)))
  );
}
