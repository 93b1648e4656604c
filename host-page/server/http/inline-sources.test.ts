import { createHash } from 'node:crypto';
import { expect, test } from 'vitest';
import { hashSource, inlineSourcesOf } from './inline-sources';

test('a hash source is the base64 SHA-256 of the exact text, quoted as CSP writes it', () => {
  // The SHA-256 of nothing, as every CSP document shows it.
  expect(hashSource('')).toBe("'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='");
  expect(hashSource('a{color:red}')).toBe(`'sha256-${createHash('sha256').update('a{color:red}').digest('base64')}'`);
  expect(hashSource(' a')).not.toBe(hashSource('a'));
});

test('only inline scripts and styles are hashed, never a script with a src', () => {
  const sources = inlineSourcesOf(
    '<head><script>one()</script><script type="module" src="/assets/f.js"></script><style>p{}</style></head>' +
      '<body><script>two()</script></body>',
  );
  expect(sources).toEqual({
    scripts: [hashSource('one()'), hashSource('two()')],
    styles: [hashSource('p{}')],
  });
});
