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

interface Variant {
  body: Uint8Array<ArrayBuffer>;
  etag: string;
}
type Variants = Partial<Record<Coding | 'identity', Variant>>;

async function readVariant(path: string): Promise<Variant> {
  const body = new Uint8Array(await readFile(path));
  return { body, etag: `"${createHash('sha1').update(body).digest('base64url').slice(0, 22)}"` };
}

/**
 * A built file and the compressed copies beside it, read once: the build does not change while the
 * host runs (frame.html's template, read at start, names the hashed assets of that build), so no
 * request need stat, read or hash them again. A file that is not there is not remembered.
 */
const built = new Map<string, Variants>();

async function variantsOf(path: string): Promise<Variants | null> {
  const known = built.get(path);
  if (known) return known;
  if (!(await exists(path))) return null;
  const variants: Variants = { identity: await readVariant(path) };
  for (const coding of CODINGS) {
    if (await exists(path + suffix[coding])) variants[coding] = await readVariant(path + suffix[coding]);
  }
  built.set(path, variants);
  return variants;
}

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
  const variants = await variantsOf(path);
  if (!variants) return null;
  const available = CODINGS.filter((coding) => variants[coding]);
  const coding = chooseCoding(c.req.header('accept-encoding'), available);
  const { body, etag } = variants[coding]!;
  const common = { ...headers, vary: 'accept-encoding', etag };
  if (matches(c.req.header('if-none-match'), etag)) return c.body(null, 304, common);
  return c.body(body, 200, {
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
