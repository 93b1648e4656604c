import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { firstLoad, staticImports } from './first-load';

const dist = mkdtempSync(join(tmpdir(), 'kycvs-first-load-'));
const assets = join(dist, 'frame', 'assets');
mkdirSync(assets, { recursive: true });
afterAll(() => rmSync(dist, { recursive: true, force: true }));

const write = (name: string, text: string) => writeFileSync(join(assets, name), text);
const html = (head: string) =>
  writeFileSync(join(dist, 'frame', 'frame.html'), `<!doctype html><html><head>${head}</head><body></body></html>`);

// A build as Vite writes it: an entry that imports a shared chunk statically and a language lazily.
write('frame-a1.js', 'import{t as e}from"./shared-b2.js";const l=()=>import("./hi-c3.js");console.log(e,l);');
write('shared-b2.js', 'import"./tiny-d4.js";export const t=1;');
write('tiny-d4.js', 'export{};');
write('hi-c3.js', 'export default {"app.title":"…"};');
write('frame-e5.css', 'body{margin:0}');
write('later-f6.css', '.later{color:red}');

test('staticImports reads import statements, not import() calls', () => {
  expect(
    staticImports('import{a as b}from"./x.js";import"./y.js";import * as z from \'./z.js\';import("./lazy.js")'),
  ).toEqual(['./x.js', './y.js', './z.js']);
});

test('the first load is the entry, its static imports, modulepreloads and stylesheets, not lazy chunks', () => {
  html(
    '<script type="module" crossorigin src="/assets/frame-a1.js"></script>' +
      '<link rel="modulepreload" crossorigin href="/assets/shared-b2.js">' +
      '<link rel="stylesheet" crossorigin href="/assets/frame-e5.css">',
  );
  const load = firstLoad(dist);
  expect(load.files.map((f) => f.file)).toEqual([
    'assets/frame-a1.js',
    'assets/shared-b2.js',
    'assets/tiny-d4.js',
    'assets/frame-e5.css',
  ]);
  expect(load.gzip).toBe(load.files.reduce((sum, f) => sum + f.gzip, 0));
  expect(load.files.every((f) => f.gzip > 0 && f.brotli > 0)).toBe(true);
  expect(load.blockingScripts).toEqual([]);
});

test('a classic script without async or defer is reported as blocking the first paint', () => {
  html(
    '<script src="/assets/tiny-d4.js"></script><script defer src="/assets/shared-b2.js"></script>' +
      '<script type="module" src="/assets/frame-a1.js"></script>',
  );
  expect(firstLoad(dist).blockingScripts).toEqual(['/assets/tiny-d4.js']);
});

test('a file frame.html names but the build lacks is an error, not a smaller figure', () => {
  html('<script type="module" src="/assets/gone-00.js"></script>');
  expect(() => firstLoad(dist)).toThrow(/needs frame\/assets\/gone-00\.js/);
});
