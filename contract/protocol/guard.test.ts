import { expect, test } from 'vitest';
import { errorCodes } from './errors';
import { isFrameMessage } from './guard';
import { FrameMessageSchema } from './messages';
import { schemaAcceptsAsGuard } from './schema-as-guard';

// isFrameMessage is embed.js's hand-written twin of FrameMessageSchema: these tests hold it to
// accepting exactly what the schema accepts, but for error codes, where it takes any UPPER_SNAKE
// code (guard.ts says why).

const agree = (value: unknown) => isFrameMessage(value) === schemaAcceptsAsGuard(value);
const msg = (type: string, data: unknown, extra: Record<string, unknown> = {}) => ({
  ns: 'kycvs',
  v: 1,
  instance: 'i-1',
  type,
  data,
  ...extra,
});

const result = { status: 'FULLY_VACCINATED', token: 'eyJ.a.b' };
const beneficiary = { name: 'Asha Verma', birth_year: 1980, gender: 'F', beneficiary_reference_id: '1234' };
const dose = { vaccine: 'COVISHIELD', dose: 1, date: '2021-05-01' };

const valid: [string, unknown][] = [
  ['ready', msg('ready', {})],
  ['ready, empty instance (the direct-iframe default)', msg('ready', {}, { instance: '' })],
  ['ready, extra keys (stripped by zod, ignored by the guard)', msg('ready', { x: 1 }, { extra: true })],
  ['ready with a title', msg('ready', { title: 'अपनी टीकाकरण स्थिति जानें' })],
  ['ready with an empty title', msg('ready', { title: '' })],
  ['ready with a title of 200 code points', msg('ready', { title: 'x'.repeat(200) })],
  ['ready with a title of 200 code points in 201 UTF-16 units', msg('ready', { title: 'अ'.repeat(199) + '😀' })],
  ['ready with a title of 101 emoji (202 UTF-16 units)', msg('ready', { title: '😀'.repeat(101) })],
  ['ready with title: undefined', msg('ready', { title: undefined })],
  ['resize 0', msg('resize', { height: 0 })],
  ['resize 360', msg('resize', { height: 360 })],
  ['resize fractional', msg('resize', { height: 412.5 })],
  ['resize 100000', msg('resize', { height: 100_000 })],
  ['step details', msg('step', { step: 'details' })],
  ['step otp', msg('step', { step: 'otp' })],
  ['step result', msg('step', { step: 'result' })],
  ['result, status only', msg('result', result)],
  ['result, partially', msg('result', { ...result, status: 'PARTIALLY_VACCINATED' })],
  ['result, not vaccinated, empty token', msg('result', { status: 'NOT_VACCINATED', token: '' })],
  ['result, beneficiary with name only', msg('result', { ...result, beneficiary: { name: 'A' } })],
  ['result, full beneficiary', msg('result', { ...result, beneficiary })],
  ['result, no vaccinations', msg('result', { ...result, vaccinations: [] })],
  ['result, doses', msg('result', { ...result, vaccinations: [dose, { ...dose, dose: 3, precaution: true }] })],
  ['result, everything', msg('result', { ...result, beneficiary, vaccinations: [{ ...dose, precaution: false }] })],
  [
    'result, optional fields explicitly undefined',
    msg('result', { ...result, beneficiary: undefined, vaccinations: undefined }),
  ],
  ...errorCodes.map((code): [string, unknown] => [`error ${code}`, msg('error', { code, message: 'm' })]),
  ['error with retryAfter', msg('error', { code: 'RATE_LIMITED', message: 'wait', retryAfter: 30 })],
  ['error with a support reference', msg('error', { code: 'SERVER_ERROR', message: 'm', ref: 'K7Q2M9XD' })],
  ['result with a support reference', msg('result', { ...result, ref: 'K7Q2M9XD' })],
  ['expired', msg('expired', {})],
  ['expired, extra keys', msg('expired', { token: 't' })],
  ...['otp_sent', 'otp_resent', 'error', 'expired'].map((type): [string, unknown] => [
    `event ${type}`,
    msg('event', { type }),
  ]),
  ['event error with its code', msg('event', { type: 'error', code: 'OTP_INCORRECT' })],
];

const invalid: [string, unknown][] = [
  ['null', null],
  ['undefined', undefined],
  ['a string', 'kycvs'],
  ['the message as JSON text', JSON.stringify(msg('ready', {}))],
  ['a number', 1],
  ['an array', []],
  ['an array holding a message', [msg('ready', {})]],
  ['wrong ns', msg('ready', {}, { ns: 'penpal' })],
  ['ns in capitals', msg('ready', {}, { ns: 'KYCVS' })],
  ['no ns', { v: 1, instance: 'i', type: 'ready', data: {} }],
  ['v: 2', msg('ready', {}, { v: 2 })],
  ["v: '1'", msg('ready', {}, { v: '1' })],
  ['v: 0', msg('ready', {}, { v: 0 })],
  ['no v', { ns: 'kycvs', instance: 'i', type: 'ready', data: {} }],
  ['no instance', { ns: 'kycvs', v: 1, type: 'ready', data: {} }],
  ['instance a number', msg('ready', {}, { instance: 1 })],
  ['instance null', msg('ready', {}, { instance: null })],
  ['instance a String object', msg('ready', {}, { instance: new String('i') })],
  ['unknown type', msg('hello', {})],
  ['reset (a parent message)', msg('reset', {})],
  ['type toString', msg('toString', {})],
  ['type constructor', msg('constructor', {})],
  ['type __proto__', msg('__proto__', {})],
  ['type hasOwnProperty', msg('hasOwnProperty', {})],
  ['type in capitals', msg('READY', {})],
  ['no type', { ns: 'kycvs', v: 1, instance: 'i', data: {} }],
  ['no data', { ns: 'kycvs', v: 1, instance: 'i', type: 'ready' }],
  ['data null', msg('ready', null)],
  ['data an array', msg('ready', [])],
  ['data a string', msg('ready', '{}')],
  ['data a function', msg('ready', () => ({}))],
  ['ready with a title of 201 code points', msg('ready', { title: 'x'.repeat(201) })],
  ['ready with a title of 201 emoji', msg('ready', { title: '😀'.repeat(201) })],
  ['ready with a title a number', msg('ready', { title: 7 })],
  ['ready with a title null', msg('ready', { title: null })],
  ['ready with a title a String object', msg('ready', { title: new String('Title') })],
  ['resize, negative', msg('resize', { height: -1 })],
  ['resize, too tall', msg('resize', { height: 100_001 })],
  ['resize, NaN', msg('resize', { height: Number.NaN })],
  ['resize, Infinity', msg('resize', { height: Number.POSITIVE_INFINITY })],
  ['resize, a string', msg('resize', { height: '360' })],
  ['resize, a bigint', msg('resize', { height: 360n })],
  ['resize, no height', msg('resize', {})],
  ['resize, height nested', msg('resize', { data: { height: 360 } })],
  ['step, unknown', msg('step', { step: 'done' })],
  ['step, missing', msg('step', {})],
  ['result, wrong status', msg('result', { ...result, status: 'fully' })],
  ['result, status VACCINATED', msg('result', { ...result, status: 'VACCINATED' })],
  ['result, no token', msg('result', { status: 'FULLY_VACCINATED' })],
  ['result, token a number', msg('result', { ...result, token: 1 })],
  ['result, beneficiary null', msg('result', { ...result, beneficiary: null })],
  ['result, beneficiary without name', msg('result', { ...result, beneficiary: { gender: 'F' } })],
  ['result, birth_year a string', msg('result', { ...result, beneficiary: { name: 'A', birth_year: '1980' } })],
  ['result, vaccinations an object', msg('result', { ...result, vaccinations: { 0: dose } })],
  ['result, dose a string', msg('result', { ...result, vaccinations: [{ ...dose, dose: '1' }] })],
  ['result, dose missing a date', msg('result', { ...result, vaccinations: [{ vaccine: 'X', dose: 1 }] })],
  ['result, precaution a string', msg('result', { ...result, vaccinations: [{ ...dose, precaution: 'yes' }] })],
  ['result, a null dose', msg('result', { ...result, vaccinations: [null] })],
  ['result, nested one level too deep', msg('result', { result })],
  ['error, code in lower case', msg('error', { code: 'timeout', message: 'm' })],
  ['error, code toString', msg('error', { code: 'toString', message: 'm' })],
  ['error, code with a space', msg('error', { code: 'SERVER ERROR', message: 'm' })],
  ['error, empty code', msg('error', { code: '', message: 'm' })],
  ['error, code a number', msg('error', { code: 500, message: 'm' })],
  ['error, no message', msg('error', { code: 'TIMEOUT' })],
  ['error, retryAfter a string', msg('error', { code: 'RATE_LIMITED', message: 'm', retryAfter: '30' })],
  ['error, retryAfter NaN', msg('error', { code: 'RATE_LIMITED', message: 'm', retryAfter: Number.NaN })],
  ['error, ref a number', msg('error', { code: 'SERVER_ERROR', message: 'm', ref: 7 })],
  ['result, ref null', msg('result', { ...result, ref: null })],
  ['expired, data null', msg('expired', null)],
  ['event, no type', msg('event', {})],
  ['event, type in capitals', msg('event', { type: 'OTP_SENT' })],
  ['event, type a number', msg('event', { type: 1 })],
  ['event, code in lower case', msg('event', { type: 'error', code: 'otp_incorrect' })],
  ['event, code a number', msg('event', { type: 'error', code: 400 })],
  ['a message wrapped in another', { message: msg('ready', {}) }],
  ['a message as the data of another', msg('ready', msg('ready', {}), { type: 'unknown' })],
  [
    'fields only under an own "__proto__" key',
    JSON.parse('{"__proto__":{"ns":"kycvs","v":1,"instance":"i","type":"ready","data":{}}}'),
  ],
  [
    'data only under an own "__proto__" key',
    JSON.parse('{"ns":"kycvs","v":1,"instance":"i","type":"ready","__proto__":{"data":{}}}'),
  ],
  [
    'height only under an own "__proto__" key',
    JSON.parse('{"ns":"kycvs","v":1,"instance":"i","type":"resize","data":{"__proto__":{"height":5}}}'),
  ],
  [
    'status only under an own "__proto__" key',
    JSON.parse(
      '{"ns":"kycvs","v":1,"instance":"i","type":"result","data":{"token":"t","__proto__":{"status":"NOT_VACCINATED"}}}',
    ),
  ],
];

test.each(valid)('accepts a valid message: %s', (_, value) => {
  expect(FrameMessageSchema.safeParse(value).success).toBe(true);
  expect(isFrameMessage(value)).toBe(true);
});

test.each(invalid)('rejects an invalid or forged message: %s', (_, value) => {
  expect(FrameMessageSchema.safeParse(value).success).toBe(false);
  expect(isFrameMessage(value)).toBe(false);
});

test('passes an error code it does not know, of the right shape: a newer frame may send one', () => {
  const newer = msg('error', { code: 'SOME_NEW_CODE', message: 'm' });
  expect(FrameMessageSchema.safeParse(newer).success).toBe(false);
  expect(isFrameMessage(newer)).toBe(true);
});

test('passes an event type or code it does not know, of the right shape: a newer frame may send one', () => {
  for (const data of [{ type: 'otp_delivered' }, { type: 'error', code: 'SOME_NEW_CODE' }]) {
    const newer = msg('event', data);
    expect(FrameMessageSchema.safeParse(newer).success).toBe(false);
    expect(isFrameMessage(newer)).toBe(true);
    expect(agree(newer)).toBe(true);
  }
});

test('agrees with the schema on inherited and prototype-less objects', () => {
  // A structured clone never carries these, but a same-page script could dispatch them.
  const odd = [
    Object.create(msg('ready', {})),
    msg('resize', Object.create({ height: 5 })),
    Object.assign(Object.create(null), msg('ready', Object.create(null))),
    msg('ready', new Date(0)),
    msg('ready', new Map()),
  ];
  odd.forEach((value, i) => expect(agree(value), `case ${i}`).toBe(true));
});

// `[].every` skips holes, so a guard built on it would accept a sparse `vaccinations` array that
// the schema rejects (structured clone keeps holes); guard.ts checks `Array.from(v)` instead.
test('agrees with the schema on sparse arrays', () => {
  // eslint-disable-next-line no-sparse-arrays
  const holes = msg('result', { ...result, vaccinations: [, dose] });
  expect(agree(holes)).toBe(true);
});

// ---- A seeded fuzzer: mutants of valid messages -------------------------------------------------

/** mulberry32: a small deterministic PRNG, so a failure can be replayed from its seed. */
function prng(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Rand = ReturnType<typeof prng>;
const pick = <T>(rand: Rand, list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;

const keys = (
  'ns v instance type data height step status token beneficiary vaccinations name birth_year gender ' +
  'beneficiary_reference_id vaccine dose date precaution code message retryAfter ref title __proto__ constructor toString 0 length'
).split(' ');

// The leading space makes the empty string one of the words.
const words =
  ' 1 kycvs KYCVS ready resize step result error reset details otp done FULLY_VACCINATED NOT_VACCINATED ' +
  'vaccinated TIMEOUT RATE_LIMITED NOPE toString __proto__ expired event otp_sent Otp_sent';
const numbers = [0, -0, 1, 2, -1, 0.5, 100_000, 100_001, NaN, Infinity, -Infinity, Number.MAX_VALUE];

/** Fresh each time: a mutant may be mutated again in place. */
const values = (): unknown[] => [
  ...[undefined, null, true, false, 1n, Symbol('s'), () => 1, new String('kycvs'), new Number(1)],
  ...numbers,
  ...words.split(' '),
  ...['x'.repeat(200), 'x'.repeat(201)],
  ...[{}, [], [{}], [{ ...dose }], { name: 'A' }, { ...dose }, { height: 1 }, { step: 'otp' }, { ...result }],
  ...[{ code: 'TIMEOUT', message: '' }, Object.create(null), JSON.parse('{"__proto__":{"height":1}}')],
];

const seeds = [
  msg('ready', {}),
  msg('ready', { title: 'Know Your Vaccination Status' }),
  msg('resize', { height: 360 }),
  msg('step', { step: 'otp' }),
  msg('result', result),
  msg('result', { ...result, beneficiary, vaccinations: [dose, { ...dose, dose: 2, precaution: true }] }),
  msg('error', { code: 'RATE_LIMITED', message: 'wait', retryAfter: 30, ref: 'K7Q2M9XD' }),
  msg('expired', {}),
  msg('event', { type: 'error', code: 'OTP_INCORRECT' }),
];

/** Every object or array in `root`, with the root itself. */
function containers(root: unknown, out: object[] = []): object[] {
  if (typeof root !== 'object' || root === null) return out;
  out.push(root);
  for (const key of Object.keys(root)) containers((root as Record<string, unknown>)[key], out);
  return out;
}

// Own data properties, never setters: assigning `__proto__` would change the prototype instead.
// An array's length is left alone, and no index past its end is set: both would make holes.
// Reflect.defineProperty just says false for what cannot be redefined (a String object's index).
const put = (o: object, key: string, value: unknown) => {
  if (Array.isArray(o) && (key === 'length' || (/^\d+$/.test(key) && Number(key) > o.length))) return;
  Reflect.defineProperty(o, key, { value, enumerable: true, writable: true, configurable: true });
};

// The value as text (a number or an object turned into a string); prototype-less objects have none.
function text(value: unknown): string {
  try {
    return String(value);
  } catch {
    return '[object]';
  }
}

function mutate(rand: Rand, value: unknown): unknown {
  const holders = containers(value);
  const target = pick(rand, holders);
  const existing = Object.keys(target);
  const key = existing.length && rand() < 0.7 ? pick(rand, existing) : pick(rand, keys);
  const old = (target as Record<string, unknown>)[key];
  switch (Math.floor(rand() * 6)) {
    case 0:
      // Splice, not delete, from arrays: holes have their own test above.
      if (Array.isArray(target) && /^\d+$/.test(key)) target.splice(Number(key), 1);
      else Reflect.deleteProperty(target, key);
      break;
    case 1:
      put(target, key, [old]);
      break;
    case 2:
      put(target, key, { [pick(rand, keys)]: old });
      break;
    case 3:
      put(target, key, typeof old === 'number' ? -old : text(old));
      break;
    default:
      put(target, key, pick(rand, values()));
  }
  // Now and then the whole message is wrapped or swapped.
  const roll = rand();
  if (roll < 0.02) return [value];
  if (roll < 0.04) return { data: value };
  if (roll < 0.05) return Object.create(value as object);
  return value;
}

test('agrees with the schema on 5000 seeded mutants of valid messages', () => {
  const rand = prng(20_210_101);
  let accepted = 0;
  for (let i = 0; i < 5000; i++) {
    let value: unknown = structuredClone(pick(rand, seeds));
    const rounds = 1 + Math.floor(rand() * 3);
    for (let r = 0; r < rounds; r++) value = mutate(rand, value);
    const schema = schemaAcceptsAsGuard(value);
    if (isFrameMessage(value) !== schema) {
      expect.fail(
        `mutant ${i} disagrees (schema says ${schema}): ${JSON.stringify(value, (_, v: unknown) => (typeof v === 'bigint' || typeof v === 'symbol' ? String(v) : v))}`,
      );
    }
    if (schema) accepted++;
  }
  // Both sides of the line get exercised.
  expect(accepted).toBeGreaterThan(250);
  expect(accepted).toBeLessThan(4750);
});
