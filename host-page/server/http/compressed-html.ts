import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { Context } from 'hono';
import { chooseCoding } from './accept-encoding';

/**
 * Brotli at a middle quality: a frame.html of about 9 KB compresses in well under a millisecond to
 * a third of its size, which on a slow link is worth a request's worth of time.
 */
const BROTLI = { params: { [constants.BROTLI_PARAM_QUALITY]: 5 } };

/**
 * A page rendered for this request, compressed as the browser allows (brotli, else gzip), with
 * `Vary: Accept-Encoding`. The page holds no secret beside text from the request, so compression
 * gives nothing away (BREACH needs both).
 */
export function sendHtml(
  c: Context,
  html: string,
  status: 200 | 400 | 403 | 404,
  headers: Record<string, string>,
): Response {
  const coding = chooseCoding(c.req.header('accept-encoding'), ['br', 'gzip']);
  const body =
    coding === 'br' ? brotliCompressSync(html, BROTLI) : coding === 'gzip' ? gzipSync(html) : Buffer.from(html, 'utf8');
  const vary = headers.vary ? `${headers.vary}, accept-encoding` : 'accept-encoding';
  return c.body(new Uint8Array(body), status, {
    ...headers,
    vary,
    'content-type': 'text/html; charset=UTF-8',
    ...(coding === 'identity' ? {} : { 'content-encoding': coding }),
  });
}
