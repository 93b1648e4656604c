/** Values kept as CoWIN wrote them: codes, messages and statuses, which name no one. */
const KEPT_KEYS = new Set(['errorCode', 'error', 'message', 'vaccination_status', 'vaccine', 'precaution_vaccine']);

/** A value of the same shape with nothing of it left: digits become 0, letters x. */
const shapeOf = (text: string) => text.replace(/\d/g, '0').replace(/\p{L}/gu, 'x');

function scrubJson(value: unknown, key?: string): unknown {
  if (Array.isArray(value)) return value.map((item) => scrubJson(item));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([name, inner]) => [name, scrubJson(inner, name)]));
  }
  if (typeof value === 'string') return key !== undefined && KEPT_KEYS.has(key) ? value : shapeOf(value);
  if (typeof value === 'number') return key !== undefined && KEPT_KEYS.has(key) ? value : 0;
  return value;
}

/**
 * An answer's body with personal data replaced, keeping its shape: the fields of a JSON body (but
 * codes and messages) become placeholders of the same form; in text and HTML, long digit runs
 * (mobiles, OTPs, reference ids), IP addresses and JWTs are masked. What is kept is what the
 * host's reading of the answer depends on.
 */
export function scrubBody(body: string): string {
  try {
    return JSON.stringify(scrubJson(JSON.parse(body)));
  } catch {
    return body
      .replace(/eyJ[\w-]+\.[\w-]+\.[\w-]*/g, 'xxx.xxx.xxx')
      .replace(/\b\d{1,3}(?:\.\d{1,3}){3}\b/g, '0.0.0.0')
      .replace(/\b[0-9a-f]{1,4}(?::[0-9a-f]{0,4}){2,7}\b/gi, '::')
      .replace(/\d{6,}/g, (digits) => '0'.repeat(digits.length));
  }
}
