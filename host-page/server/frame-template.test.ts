import { expect, test } from 'vitest';
import { chunkStyles, prepareFrameTemplate, withStyle } from './frame-template';

/** As Vite writes dist/frame/frame.html, less what the host leaves alone. */
const built =
  '<head><script>early()</script>\n' +
  '    <script type="module" crossorigin src="/assets/frame-a1_B.js"></script>\n' +
  '    <link rel="stylesheet" crossorigin href="/assets/frame-a1.css">\n' +
  '    <link rel="icon" href="/assets/icon.css"><link rel="stylesheet" href="https://cdn.example/x.css">' +
  '<script type="module" src="https://cdn.example/x.js"></script></head>';

test("the entry's stylesheet is inlined and its script named for the inline script to ask for after the first paint", () => {
  const read = (name: string) => ({ 'frame-a1.css': 'body{margin:0}' })[name] ?? `missing ${name}`;
  expect(prepareFrameTemplate(built, read)).toBe(
    '<head><script>early()</script>\n' +
      '    <meta name="kycvs-entry" content="/assets/frame-a1_B.js" />\n' +
      '    <style>body{margin:0}</style>\n' +
      '    <link rel="icon" href="/assets/icon.css"><link rel="stylesheet" href="https://cdn.example/x.css">' +
      '<script type="module" src="https://cdn.example/x.js"></script></head>',
  );
});

test("a lazy chunk's stylesheets are found by its source in Vite's manifest and read from the assets", () => {
  const manifest = JSON.stringify({
    '../widget/standalone/index.ts': {
      file: 'assets/standalone-x.js',
      css: ['assets/standalone-a.css', 'assets/b.css'],
    },
    '../widget/redirect/index.ts': { file: 'assets/redirect-y.js' },
  });
  const read = (name: string) => ({ 'standalone-a.css': '.a{}', 'b.css': '.b{}' })[name] ?? `missing ${name}`;
  expect(chunkStyles(manifest, '../widget/standalone/index.ts', read)).toBe('.a{}.b{}');
  expect(chunkStyles(manifest, '../widget/redirect/index.ts', read)).toBe('');
  expect(chunkStyles(manifest, '../widget/nothing.ts', read)).toBe('');
});

test('a style goes in at the end of the head, and no style adds nothing', () => {
  expect(withStyle('<head><title>t</title></head><body></body>', '.a{}')).toBe(
    '<head><title>t</title><style>.a{}</style></head><body></body>',
  );
  expect(withStyle('<head></head>', '')).toBe('<head></head>');
});
