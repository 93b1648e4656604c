/** What kind of body an answer had: CoWIN's JSON, a gateway's text, a CDN's HTML page, or nothing. */
export type AnswerShape = 'json' | 'text' | 'html' | 'empty';

/** An answer read once: its status, its shape, and its body as JSON (when it is) or text. */
export interface Answer {
  status: number;
  shape: AnswerShape;
  json: unknown;
  text: string;
  headers: Headers;
}

/** Longest body the host reads from CoWIN: a status record is a few hundred bytes, a CDN page a few KB. */
const MAX_BODY = 64 * 1024;

/**
 * Reads an answer whatever its `Content-Type` says: gateways send JSON as text/plain and CDNs send
 * HTML error pages with any status, so the body decides. A body that parses as JSON is JSON; one that
 * starts like markup is HTML; anything else is text.
 */
export async function readAnswer(response: Response): Promise<Answer> {
  const text = (await response.text().catch(() => '')).slice(0, MAX_BODY);
  const trimmed = text.trim();
  let json: unknown;
  let shape: AnswerShape = trimmed === '' ? 'empty' : /^</.test(trimmed) ? 'html' : 'text';
  if (shape === 'text') {
    try {
      json = JSON.parse(trimmed);
      shape = 'json';
    } catch {
      // Plain text, such as "OTP Already Sent".
    }
  }
  return { status: response.status, shape, json, text: shape === 'html' ? '' : trimmed, headers: response.headers };
}
