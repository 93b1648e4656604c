import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { Plugin } from 'vite';

/** The files a browser fetches as text. frame.html is left out: the host fills it in per request. */
const TEXT = /\.(js|css|svg|json)$/;

/** Brotli at its best quality, for text: time is spent once, at build time. */
export function brotli(text: Buffer): Buffer {
  return brotliCompressSync(text, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
      [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
      [constants.BROTLI_PARAM_SIZE_HINT]: text.length,
    },
  });
}

/**
 * Writes `FILE.br` (brotli, quality 11) and `FILE.gz` (gzip -9) beside `file`, once, at build time,
 * so that the host sends compressed files without compressing on each request (routes/static.ts).
 * A copy that would not be smaller is not written. Returns the codings written.
 */
export function precompressFile(file: string): Array<'br' | 'gzip'> {
  const text = readFileSync(file);
  const copies = { br: brotli(text), gzip: gzipSync(text, { level: 9 }) };
  const written: Array<'br' | 'gzip'> = [];
  for (const [coding, bytes] of Object.entries(copies) as Array<['br' | 'gzip', Buffer]>) {
    if (bytes.length >= text.length) continue;
    writeFileSync(file + (coding === 'br' ? '.br' : '.gz'), bytes);
    written.push(coding);
  }
  return written;
}

/** A Vite plugin: precompresses every text file of the build it is in, after it is written. */
export function precompress(): Plugin {
  return {
    name: 'kycvs-precompress',
    apply: 'build',
    writeBundle(output, bundle) {
      for (const name of Object.keys(bundle)) if (TEXT.test(name)) precompressFile(join(output.dir!, name));
    },
  };
}
