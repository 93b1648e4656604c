import fc from 'fast-check';
import { expect, test } from 'vitest';
import type * as z from 'zod/mini';
import { isFrameMessage, isParentMessage } from './guard';
import { schemaAcceptsAsGuard } from './schema-as-guard';
import {
  FrameMessageSchema,
  ParentMessageSchema,
  parseFrameMessage,
  parseParentMessage,
  type FrameMessage,
  type ParentMessage,
} from './messages';

// Property tests of both parsers, and of embed.js's hand guard against the schema: for any input,
// valid, forged, or a valid message with one field perturbed, nothing throws, a parse returns
// either nothing or what the schema accepts, and the guard agrees with the schema. guard.test.ts
// keeps the named cases; fast-check finds what no one named, and shrinks it to a small example.

// ---- Valid messages, read from the schemas' shape ----------------------------------------------

type Check = { check: string; value?: unknown; inclusive?: boolean };

/** The number range a zod number's checks allow (the protocol uses only gte and lte). */
function numberRange(checks: readonly { _zod: { def: Check } }[] | undefined) {
  const range: { min?: number; max?: number } = {};
  for (const { _zod } of checks ?? []) {
    const { check, value, inclusive } = _zod.def;
    if (typeof value !== 'number' || !inclusive) throw new Error(`fuzz: no arbitrary for the number check ${check}`);
    if (check === 'greater_than') range.min = value;
    else if (check === 'less_than') range.max = value;
    else throw new Error(`fuzz: no arbitrary for the number check ${check}`);
  }
  return range;
}

/** The longest a zod string's checks allow (the protocol uses only maxLength). */
function stringMax(checks: readonly { _zod: { def: Check & { maximum?: number } } }[] | undefined) {
  let max = Infinity;
  for (const { _zod } of checks ?? []) {
    const { check, maximum } = _zod.def;
    if (check !== 'max_length' || maximum === undefined)
      throw new Error(`fuzz: no arbitrary for the string check ${check}`);
    max = Math.min(max, maximum);
  }
  return max;
}

/**
 * Values that `schema` accepts, derived from its definition, so that a new message type or field
 * is fuzzed without anyone writing it here. A construct it does not know fails loudly.
 */
function validOf(schema: z.core.$ZodType): fc.Arbitrary<unknown> {
  const { def } = (schema as z.core.$ZodTypes)._zod;
  if (def.type !== 'number' && def.type !== 'string' && def.checks?.length) {
    throw new Error(`fuzz: no arbitrary for checks on a ${def.type}`);
  }
  switch (def.type) {
    case 'string':
      // zod measures a string in code points, and a 'binary' unit is one code point.
      return fc.string({ unit: 'binary', maxLength: Math.min(12, stringMax(def.checks as never)) });
    case 'number':
      // z.number() accepts finite numbers only.
      return fc.double({ ...numberRange(def.checks as never), noNaN: true, noDefaultInfinity: true });
    case 'boolean':
      return fc.boolean();
    case 'literal':
      return fc.constantFrom(...def.values);
    case 'enum':
      return fc.constantFrom(...Object.values(def.entries));
    case 'optional':
      // Either left out (see the object) or given as undefined.
      return fc.option(validOf(def.innerType), { nil: undefined });
    case 'array':
      return fc.array(validOf(def.element), { maxLength: 3 });
    case 'union':
      return fc.oneof(...def.options.map(validOf));
    case 'object': {
      const shape = Object.entries(def.shape);
      const required = shape.filter(([, s]) => s._zod.def.type !== 'optional').map(([key]) => key);
      return fc.record(Object.fromEntries(shape.map(([key, s]) => [key, validOf(s)])), { requiredKeys: required });
    }
    default:
      throw new Error(`fuzz: no arbitrary for a zod ${def.type}`);
  }
}

const validFrame = validOf(FrameMessageSchema) as fc.Arbitrary<FrameMessage>;
const validParent = validOf(ParentMessageSchema) as fc.Arbitrary<ParentMessage>;

// ---- One field perturbed -------------------------------------------------------------------

/** What fc.anything() may make: everything structured clone can carry, and odd objects besides. */
const anythingOptions = {
  withObjectString: true,
  withNullPrototype: true,
  withBoxedValues: true,
  withMap: true,
  withSet: true,
  withTypedArray: true,
  withSparseArray: true,
  withBigInt: true,
  withDate: true,
  maxDepth: 3,
} satisfies fc.ObjectConstraints;

/** Values one step off the protocol's own: other words, edge numbers, other types. */
const nearMiss = fc.constantFrom<unknown>(
  ...[undefined, null, true, false, 0, -0, 1, 2, -1, 0.5, 100_000, 100_001, NaN, Infinity, -Infinity, 1n],
  ...['', '1', 'kycvs', 'KYCVS', 'ready', 'resize', 'step', 'result', 'error', 'reset', 'READY', 'otp', 'done'],
  ...['FULLY_VACCINATED', 'VACCINATED', 'TIMEOUT', 'timeout', 'toString', '__proto__', 'constructor'],
  ...[[], [{}], {}, { height: 1 }, { step: 'otp' }, { name: 'A' }, { code: 'TIMEOUT', message: '' }],
  // Either side of the 200-code-point limit of `ready`'s title, in UTF-16 units and in code points.
  ...['x'.repeat(200), 'x'.repeat(201), '\u0905'.repeat(199) + '\u{1f600}', '\u{1f600}'.repeat(101)],
);

/** Keys a perturbation may add: the protocol's own, and ones that reach the prototype. */
const extraKey = fc.constantFrom(
  ...['ns', 'v', 'instance', 'type', 'data', 'height', 'step', 'status', 'token', 'beneficiary', 'name'],
  ...['vaccinations', 'dose', 'date', 'code', 'message', 'retryAfter', 'title', '__proto__', 'constructor', '0'],
);

type Perturbation =
  | { op: 'delete' } // on an array element: leaves a hole, as structured clone keeps it
  | { op: 'set'; value: unknown }
  | { op: 'add'; key: string; value: unknown }
  | { op: 'wrap' } // in an array
  | { op: 'box' } // Object(value): a String, Number or Boolean object
  | { op: 'inherit' } // the fields move to the prototype
  | { op: 'detach' }; // the same own fields on a null prototype

const perturbation: fc.Arbitrary<Perturbation> = fc.oneof(
  fc.constant({ op: 'delete' as const }),
  fc.record({ op: fc.constant('set' as const), value: fc.oneof(nearMiss, fc.anything(anythingOptions)) }),
  fc.record({
    op: fc.constant('add' as const),
    key: extraKey,
    value: fc.oneof(nearMiss, fc.anything(anythingOptions)),
  }),
  fc.constantFrom<Perturbation>({ op: 'wrap' }, { op: 'box' }, { op: 'inherit' }, { op: 'detach' }),
);

/** Every place a field lives in `root`: [holder, key] pairs, the root itself included. */
function places(root: object, out: [object, string][] = []): [object, string][] {
  for (const key of Object.keys(root)) {
    out.push([root, key]);
    const value = (root as Record<string, unknown>)[key];
    if (typeof value === 'object' && value !== null) places(value, out);
  }
  return out;
}

// Own data properties, never setters: assigning `__proto__` would change the prototype instead.
const put = (o: object, key: string, value: unknown) =>
  Reflect.defineProperty(o, key, { value, enumerable: true, writable: true, configurable: true });

/** A copy of `message` with the field at `index` (of all its places) perturbed. */
function perturb(message: unknown, index: number, p: Perturbation): unknown {
  const box = { root: structuredClone(message) };
  const [holder, key] = places(box)[index % places(box).length]!;
  const old = (holder as Record<string, unknown>)[key];
  const isObject = typeof old === 'object' && old !== null;
  switch (p.op) {
    case 'delete':
      Reflect.deleteProperty(holder, key);
      break;
    case 'set':
      put(holder, key, p.value);
      break;
    case 'add':
      if (isObject) put(old, p.key, p.value);
      else put(holder, p.key, p.value);
      break;
    case 'wrap':
      put(holder, key, [old]);
      break;
    case 'box':
      put(holder, key, Object(old));
      break;
    case 'inherit':
      put(holder, key, isObject ? Object.create(old) : old);
      break;
    case 'detach':
      put(holder, key, isObject ? Object.assign(Object.create(null), old) : old);
  }
  return box.root;
}

const mutantOf = (valid: fc.Arbitrary<unknown>) =>
  fc.tuple(valid, fc.nat(), perturbation).map(([message, index, p]) => perturb(message, index, p));

/** Anything at all, weighted towards what is close to a real message. */
const input = fc.oneof(
  { arbitrary: fc.anything(anythingOptions), weight: 2 },
  { arbitrary: fc.jsonValue(), weight: 1 },
  { arbitrary: validFrame, weight: 1 },
  { arbitrary: validParent, weight: 1 },
  { arbitrary: mutantOf(validFrame), weight: 4 },
  { arbitrary: mutantOf(validParent), weight: 2 },
);

// ---- Properties ------------------------------------------------------------------------------

const runs = { numRuns: 2000 };

test('valid messages of every type parse as themselves, and only as their direction', () => {
  fc.assert(
    fc.property(validFrame, (message) => {
      expect(parseFrameMessage(message)).toEqual(message);
      expect(isFrameMessage(message)).toBe(true);
      expect(parseParentMessage(message)).toBeUndefined();
    }),
    { numRuns: 1000 },
  );
  fc.assert(
    fc.property(validParent, (message) => {
      expect(parseParentMessage(message)).toEqual(message);
      expect(parseFrameMessage(message)).toBeUndefined();
      expect(isFrameMessage(message)).toBe(false);
    }),
    { numRuns: 1000 },
  );
});

test('parseFrameMessage never throws, and returns nothing or what the schema accepts', () => {
  fc.assert(
    fc.property(input, (value) => {
      const parsed = parseFrameMessage(value);
      expect(parsed !== undefined).toBe(FrameMessageSchema.safeParse(value).success);
      if (parsed !== undefined) expect(FrameMessageSchema.safeParse(parsed).success).toBe(true);
    }),
    runs,
  );
});

test('parseParentMessage never throws, and returns nothing or what the schema accepts', () => {
  fc.assert(
    fc.property(input, (value) => {
      const parsed = parseParentMessage(value);
      expect(parsed !== undefined).toBe(ParentMessageSchema.safeParse(value).success);
      if (parsed !== undefined) expect(ParentMessageSchema.safeParse(parsed).success).toBe(true);
    }),
    runs,
  );
});

test("embed.js's hand guard accepts exactly what FrameMessageSchema accepts, but for unknown error codes", () => {
  let accepted = 0;
  fc.assert(
    fc.property(input, (value) => {
      const schema = schemaAcceptsAsGuard(value);
      expect(isFrameMessage(value)).toBe(schema);
      if (schema) accepted++;
    }),
    { numRuns: 4000 },
  );
  // Both sides of the line get exercised (about a fifth of the inputs pass).
  expect(accepted).toBeGreaterThan(400);
  expect(accepted).toBeLessThan(3600);
});

test("the frame's hand guard accepts exactly what ParentMessageSchema accepts", () => {
  let accepted = 0;
  fc.assert(
    fc.property(input, (value) => {
      const schema = ParentMessageSchema.safeParse(value).success;
      expect(isParentMessage(value)).toBe(schema);
      if (schema) accepted++;
    }),
    { numRuns: 4000 },
  );
  // Both sides of the line get exercised (parent messages are a small part of the inputs).
  expect(accepted).toBeGreaterThan(40);
  expect(accepted).toBeLessThan(3600);
});

test('perturbing one field of a valid message is fuzzed where it matters', () => {
  // A perturbation may leave a message valid (an extra key, a field set to another valid value);
  // most must not, or the mutants would test nothing.
  const sample = fc.sample(mutantOf(validFrame), { numRuns: 2000, seed: 1 });
  const valid = sample.filter((value) => FrameMessageSchema.safeParse(value).success).length;
  expect(valid).toBeGreaterThan(100);
  expect(valid).toBeLessThan(1500);
});
