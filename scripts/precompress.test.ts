import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, expect, test } from 'vitest';
import { precompressFile } from './precompress';

const dir = mkdtempSync(join(tmpdir(), 'kycvs-precompress-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

test('writes a .br and a .gz copy that decompress to the file', () => {
  const file = join(dir, 'embed.js');
  const text = 'window.KYCVS = { render() {} };\n'.repeat(50);
  writeFileSync(file, text);
  expect(precompressFile(file)).toEqual(['br', 'gzip']);
  expect(brotliDecompressSync(readFileSync(file + '.br')).toString()).toBe(text);
  expect(gunzipSync(readFileSync(file + '.gz')).toString()).toBe(text);
});

test('writes no copy that would be larger than the file', () => {
  const file = join(dir, 'tiny.js');
  writeFileSync(file, 'a');
  expect(precompressFile(file)).toEqual([]);
  expect(existsSync(file + '.br')).toBe(false);
  expect(existsSync(file + '.gz')).toBe(false);
});
