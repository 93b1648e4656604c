import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sized, type Sized } from './compressed-size';

const root = fileURLToPath(new URL('../..', import.meta.url));

/**
 * What embed.js is measured against: each library's minified build for the page that embeds the
 * frame (iframe-resizer's parent script, not the one that runs inside the frame; zoid's full build).
 * They are devDependencies, installed for this comparison only.
 */
export const COMPARED = [
  { name: 'penpal', file: 'dist/penpal.min.js', part: '' },
  { name: 'iframe-resizer', file: 'js/iframeResizer.min.js', part: 'parent script ' },
  { name: 'zoid', file: 'dist/zoid.min.js', part: '' },
] as const;

export interface PackageSize extends Sized {
  name: string;
  version: string;
  /** Which of the package's scripts, when it has more than one for different pages. */
  part: string;
}

export function comparedSizes(): PackageSize[] {
  return COMPARED.map(({ name, file, part }) => {
    const dir = join(root, 'node_modules', name);
    const path = join(dir, file);
    if (!existsSync(path)) throw new Error(`${name} is not installed (node_modules/${name}/${file}): run npm install.`);
    const { version } = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { version: string };
    return { name, version, part, ...sized(path, file) };
  });
}

/** dist/embed.js, as built. */
export function embedSize(distDir: string): Sized {
  const path = join(distDir, 'embed.js');
  if (!existsSync(path)) throw new Error(`there is no ${path}: run \`npm run build\` first.`);
  return sized(path, 'embed.js');
}
