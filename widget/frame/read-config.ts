import { FrameConfigSchema, type FrameConfig } from '../api';

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
    const parsed = FrameConfigSchema.safeParse(JSON.parse(content));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}
