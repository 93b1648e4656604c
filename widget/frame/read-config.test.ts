import fc from 'fast-check';
import { expect, test } from 'vitest';
import { FrameConfigSchema } from '../../contract';
import { scopes } from '../../contract';
import { isFrameConfig, parseConfig, readConfig } from './read-config';

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

// isFrameConfig stands in for FrameConfigSchema in the browser: it must accept exactly what the
// schema accepts, for valid configs, configs with one field changed, and anything else.
const anyValue = fc.oneof(
  fc.constant(undefined),
  fc.constant(null),
  fc.boolean(),
  fc.integer(),
  fc.string({ maxLength: 4 }),
  fc.constantFrom(...scopes, 'UNKNOWN_PROVIDER', 'ORIGIN_NOT_ALLOWED'),
  fc.array(fc.constantFrom(...scopes, 'x')),
  fc.constant([]),
  fc.constant({}),
);

const validConfig = fc.record(
  {
    provider: fc.record({ id: fc.string(), name: fc.string(), scope: fc.array(fc.constantFrom(...scopes)) }),
    parentOrigin: fc.option(fc.string(), { nil: null }),
    refusal: fc.constantFrom(null, 'UNKNOWN_PROVIDER', 'ORIGIN_NOT_ALLOWED'),
    lang: fc.string(),
    instance: fc.string(),
    nonce: fc.string(),
    action: fc.string(),
    share: fc.boolean(),
    standalone: fc.boolean(),
    redirect: fc.record({ uri: fc.string(), state: fc.string() }),
  },
  { requiredKeys: ['provider', 'parentOrigin', 'refusal', 'lang', 'instance'] },
);

/** A valid config with one field, at the top or in `provider`, set to any value or removed. */
const mutant = fc
  .tuple(
    validConfig,
    fc.constantFrom(
      'provider',
      'parentOrigin',
      'refusal',
      'lang',
      'instance',
      'nonce',
      'action',
      'share',
      'standalone',
      'redirect',
      'extra',
    ),
    fc.constantFrom('id', 'name', 'scope', 'uri', 'state', null),
    anyValue,
  )
  .map(([config, key, inner, value]) => {
    const copy = structuredClone(config) as Record<string, unknown>;
    const innerOf = { provider: ['id', 'name', 'scope'], redirect: ['uri', 'state'] }[key as 'provider'];
    if (inner && innerOf?.includes(inner) && copy[key]) (copy[key] as Record<string, unknown>)[inner] = value;
    else copy[key] = value;
    return copy;
  });

test('isFrameConfig accepts exactly what FrameConfigSchema accepts', () => {
  let accepted = 0;
  fc.assert(
    fc.property(fc.oneof(validConfig, mutant, mutant, anyValue), (value) => {
      const schema = FrameConfigSchema.safeParse(value).success;
      expect(isFrameConfig(value)).toBe(schema);
      if (schema) accepted++;
    }),
    { numRuns: 3000 },
  );
  expect(accepted).toBeGreaterThan(300);
  expect(accepted).toBeLessThan(2700);
});

test('isFrameConfig refuses a sparse scope list, as the schema does', () => {
  const scope = ['status', 'demographics'];
  scope.length = 3; // a hole at the end
  const sparse = { ...config, provider: { ...config.provider, scope } };
  expect(FrameConfigSchema.safeParse(sparse).success).toBe(false);
  expect(isFrameConfig(sparse)).toBe(false);
});
