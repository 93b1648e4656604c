import { expect, test } from 'vitest';
import { parseConfig, readConfig } from './read-config';

const config = {
  provider: { id: 'demo-irctc', name: 'Demo IRCTC', scope: ['status', 'demographics'] },
  parentOrigin: 'http://localhost:5173',
  refusal: null,
  lang: 'hi',
  instance: '1-2',
};

test('reads the config from the meta tag', () => {
  const doc = {
    querySelector: (selector: string) =>
      selector === 'meta[name="kycvs-config"]' ? { getAttribute: () => JSON.stringify(config) } : null,
  } as unknown as Document;
  expect(readConfig(doc)).toEqual(config);
});

test('a missing meta tag, bad JSON or a config of the wrong shape gives undefined', () => {
  expect(readConfig({ querySelector: () => null } as unknown as Document)).toBeUndefined();
  expect(parseConfig('{"provider":')).toBeUndefined();
  expect(parseConfig(JSON.stringify({ ...config, refusal: 'NOPE' }))).toBeUndefined();
  expect(parseConfig('')).toBeUndefined();
});
