import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Plugin } from 'vite';

/**
 * The Subresource Integrity value of a file, `sha384-…` (the algorithm the SRI spec and every CDN
 * recommend), as a page writes it in `<script integrity="…">` (docs/versions.md).
 */
export function integrityOf(bytes: Buffer | string): string {
  return 'sha384-' + createHash('sha384').update(bytes).digest('base64');
}

/** The integrity of the built loader in `distDir`. */
export const embedIntegrity = (distDir: string): string => integrityOf(readFileSync(join(distDir, 'embed.js')));

/** A Vite plugin for the loader's build: prints embed.js's integrity once it is written. */
export function printIntegrity(): Plugin {
  return {
    name: 'kycvs-print-integrity',
    apply: 'build',
    writeBundle(output) {
      console.log(`embed.js (and /v1/embed.js) integrity: ${embedIntegrity(output.dir!)}`);
    },
  };
}
