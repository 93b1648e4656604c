import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The least build a host starts with, in `dir/dist` (its KYCVS_DIST_DIR): a frame template and an
 * empty embed.js. For tests and benches that use the API only, so that they need no `npm run build`.
 */
export function writeStubBuild(dir: string): string {
  const dist = join(dir, 'dist');
  mkdirSync(join(dist, 'frame'), { recursive: true });
  writeFileSync(join(dist, 'frame', 'frame.html'), '<html><head><!--kycvs-config--></head></html>');
  writeFileSync(join(dist, 'embed.js'), '');
  return dist;
}
