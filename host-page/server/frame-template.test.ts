import { expect, test } from 'vitest';
import { prepareFrameTemplate } from './frame-template';

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
