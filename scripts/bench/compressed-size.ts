import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { brotli } from '../precompress';

/**
 * The size of `gzip -9 FILE` (GNU gzip, the file's name kept in the header, as `gzip -9c FILE | wc -c`
 * counts it). The figures quoted for penpal, iframe-resizer and zoid are measured so; Node's zlib
 * gives a few dozen bytes more or less, so every size here comes from the same gzip.
 */
export function gzipSize(file: string): number {
  try {
    return execFileSync('gzip', ['-9', '-c', file], { maxBuffer: 64 * 1024 * 1024 }).length;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new Error(
        'sizes are measured with GNU gzip, and there is no `gzip` on PATH: install it (apt-get install gzip).',
      );
    }
    throw error;
  }
}

/** The size of the brotli copy the build writes beside the file (scripts/precompress.ts), which the host sends. */
export const brotliSize = (file: string): number => brotli(readFileSync(file)).length;

export interface Sized {
  /** The file, as the table names it. */
  file: string;
  gzip: number;
  brotli: number;
}

export const sized = (path: string, file = path): Sized => ({ file, gzip: gzipSize(path), brotli: brotliSize(path) });
