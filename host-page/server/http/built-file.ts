import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import type { Context } from 'hono';
import { getMimeType } from 'hono/utils/mime';
import { chooseCoding, CODINGS, type Coding } from './accept-encoding';

const suffix: Record<Coding, string> = { br: '.br', gzip: '.gz' };

const exists = (path: string) =>
  stat(path).then(
    (s) => s.isFile(),
    () => false,
  );

/**
 * Answers with a file of the build, in the best coding the request allows among those the build
 * wrote beside it (`embed.js.br`, `embed.js.gz`), with `Vary: Accept-Encoding` on every answer so
 * that a shared cache keeps one copy per coding. Each coding has its own strong ETag, and a request
 * that already holds it gets a 304. `null` when the file is not there.
 */
export async function sendBuiltFile(
  c: Context,
  path: string,
  headers: Record<string, string>,
): Promise<Response | null> {
  if (!(await exists(path))) return null;
  const available: Coding[] = [];
  for (const coding of CODINGS) if (await exists(path + suffix[coding])) available.push(coding);
  const coding = chooseCoding(c.req.header('accept-encoding'), available);
  const body = await readFile(coding === 'identity' ? path : path + suffix[coding]);
  const etag = `"${createHash('sha1').update(body).digest('base64url').slice(0, 22)}"`;
  const common = { ...headers, vary: 'accept-encoding', etag };
  if (matches(c.req.header('if-none-match'), etag)) return c.body(null, 304, common);
  return c.body(new Uint8Array(body), 200, {
    ...common,
    'content-type': getMimeType(path) ?? 'application/octet-stream',
    'content-length': String(body.length),
    ...(coding === 'identity' ? {} : { 'content-encoding': coding }),
  });
}

/** `If-None-Match` holds this ETag, or is `*` (weak comparison, as RFC 9110 §13.1.2 asks). */
function matches(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  return header.trim() === '*' || header.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag);
}
