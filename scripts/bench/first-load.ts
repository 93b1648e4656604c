import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { sized, type Sized } from './compressed-size';

export interface FirstLoad {
  files: Sized[];
  gzip: number;
  brotli: number;
  /** Classic scripts in frame.html with neither `async` nor `defer`: each holds up the first paint. */
  blockingScripts: string[];
}

const attr = (tag: string, name: string) => new RegExp(`\\s${name}\\s*=\\s*["']?([^"'\\s>]+)`, 'i').exec(tag)?.[1];
const has = (tag: string, name: string) => new RegExp(`\\s${name}(\\s|=|>|/)`, 'i').test(tag);

/**
 * The static `import … from "./x.js"` and `import "./x.js"` of a built chunk (not `import("./x.js")`,
 * which is lazy). Rolldown writes them at the top of the chunk, one statement each.
 */
export function staticImports(code: string): string[] {
  return [...code.matchAll(/\bimport\s*(?:[\w$*{}\s,]+?\s*from\s*)?["']([^"']+)["']/g)].map((m) => m[1]!);
}

/**
 * What frame.html makes the browser fetch before the widget can show: the scripts it names
 * (the entry), the modules they import statically, modulepreloads and stylesheets. Lazy chunks
 * (the other languages, the later steps) are left out. Paths are read from the built HTML, so this
 * follows the build as it changes.
 */
export function firstLoad(distDir: string): FirstLoad {
  const frameDir = join(distDir, 'frame');
  const htmlPath = join(frameDir, 'frame.html');
  if (!existsSync(htmlPath)) throw new Error(`there is no ${htmlPath}: run \`npm run build\` first.`);
  const html = readFileSync(htmlPath, 'utf8');

  const toFile = (url: string, from = frameDir) => join(url.startsWith('/') ? frameDir : from, url);
  const js: string[] = [];
  const css: string[] = [];
  const blockingScripts: string[] = [];
  for (const [tag] of html.matchAll(/<script\b[^>]*>/gi)) {
    const src = attr(tag, 'src');
    if (!src) continue;
    js.push(toFile(src));
    const module = attr(tag, 'type') === 'module';
    if (!module && !has(tag, 'async') && !has(tag, 'defer')) blockingScripts.push(src);
  }
  for (const [tag] of html.matchAll(/<link\b[^>]*>/gi)) {
    const rel = attr(tag, 'rel');
    const href = attr(tag, 'href');
    if (href && rel === 'modulepreload') js.push(toFile(href));
    if (href && rel === 'stylesheet') css.push(toFile(href));
  }
  if (!js.length) throw new Error(`${htmlPath} names no script: is it the built frame.html?`);

  // The scripts, and what they import statically, transitively.
  const seen = new Set<string>();
  const queue = [...js];
  while (queue.length) {
    const file = queue.shift()!;
    if (seen.has(file)) continue;
    if (!existsSync(file)) throw new Error(`frame.html needs ${relative(distDir, file)}, which is not in the build.`);
    seen.add(file);
    for (const spec of staticImports(readFileSync(file, 'utf8')))
      if (spec.startsWith('.') || spec.startsWith('/')) queue.push(toFile(spec, dirname(file)));
  }
  for (const file of css)
    if (!existsSync(file)) throw new Error(`frame.html needs ${relative(distDir, file)}, which is not in the build.`);

  const files = [...seen, ...new Set(css)].map((file) => sized(file, relative(frameDir, file)));
  return {
    files,
    gzip: files.reduce((sum, f) => sum + f.gzip, 0),
    brotli: files.reduce((sum, f) => sum + f.brotli, 0),
    blockingScripts,
  };
}
