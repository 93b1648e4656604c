import fc from 'fast-check';
import { expect, test } from 'vitest';
import { HelloMessageSchema, ResetMessageSchema } from '../../contract';
import { createParentListener, type ParentEvent } from './parent-listener';

// Stand-ins for windows: the listener only compares them by identity.
const parent = { name: 'parent' } as unknown as Window;
const sibling = { name: 'a sibling frame' } as unknown as Window;
const self = { name: 'the frame itself' } as unknown as Window;
const parentOrigin = 'https://provider.example';

const reset = (instance: string) => ({ ns: 'kycvs', v: 1, instance, type: 'reset', data: {} });

function listen(instance: string) {
  let resets = 0;
  let hellos = 0;
  const listener = createParentListener({
    parent,
    parentOrigin,
    instance,
    onReset: () => resets++,
    onHello: () => hellos++,
  });
  return { listener, resets: () => resets, hellos: () => hellos };
}

test('a reset from the parent, at its origin, for this instance, resets', () => {
  const { listener, resets } = listen('i-1');
  listener({ source: parent, origin: parentOrigin, data: reset('i-1') });
  expect(resets()).toBe(1);
});

test('a hello from the parent calls onHello, never onReset', () => {
  let resets = 0;
  let hellos = 0;
  const listener = createParentListener({
    parent,
    parentOrigin,
    instance: '',
    onReset: () => resets++,
    onHello: () => hellos++,
  });
  listener({ source: parent, origin: parentOrigin, data: { ...reset(''), type: 'hello' } });
  expect([resets, hellos]).toEqual([0, 1]);
  listener({ source: parent, origin: parentOrigin, data: reset('') });
  expect([resets, hellos]).toEqual([1, 1]);
});

test('checks the source before the shape: a forged source never reaches the parser', () => {
  const { listener, resets } = listen('i-1');
  const data = new Proxy(reset('i-1'), {
    get: () => expect.fail('the parser read the data of a message from another window'),
  });
  listener({ source: sibling, origin: parentOrigin, data });
  expect(resets()).toBe(0);
});

test('a message whose data throws when read is ignored, not thrown', () => {
  // Structured clone cannot make one; only a script in the frame's own window could dispatch it.
  const { listener, resets } = listen('i-1');
  const { proxy, revoke } = Proxy.revocable({}, {});
  revoke();
  const throwing = {
    ...reset('i-1'),
    get data() {
      throw new Error('boom');
    },
  };
  for (const data of [proxy, throwing]) {
    expect(() => listener({ source: parent, origin: parentOrigin, data })).not.toThrow();
  }
  expect(resets()).toBe(0);
});

// ---- Fuzzed --------------------------------------------------------------------------------

const anything = fc.anything({
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
});

const instances = fc.oneof(fc.constantFrom('', 'i-1', '1-2'), fc.string({ maxLength: 8 }));

const sources = fc.constantFrom<MessageEventSource | null>(parent, parent, parent, sibling, self, null);

/** The parent's origin, its look-alikes, other origins and garbage. */
const origins = fc.oneof(
  { arbitrary: fc.constant(parentOrigin), weight: 4 },
  {
    arbitrary: fc.constantFrom(
      `${parentOrigin}/`,
      'https://PROVIDER.example',
      'http://provider.example',
      `${parentOrigin}:443`,
      `${parentOrigin}.evil.example`,
      'https://evil.example',
      ` ${parentOrigin}`,
      'null',
      '',
    ),
    weight: 2,
  },
  { arbitrary: fc.webUrl().map((url) => new URL(url).origin), weight: 1 },
  { arbitrary: fc.string(), weight: 1 },
);

const fields = ['ns', 'v', 'instance', 'type', 'data'] as const;

/** A reset for `instance` with one field removed or replaced. */
const nearReset = (instance: string) =>
  fc
    .record({
      field: fc.constantFrom(...fields),
      value: fc.oneof(
        fc.constantFrom<unknown>('kycvs', 'KYCVS', 1, '1', 2, 'reset', 'ready', 'RESET', instance, `${instance} `),
        fc.constantFrom<unknown>({}, { x: 1 }, [], null, undefined, Object.create(null), new String('kycvs')),
        anything,
      ),
      remove: fc.boolean(),
    })
    .map(({ field, value, remove }) => {
      const message: Record<string, unknown> = reset(instance);
      if (remove) delete message[field];
      else message[field] = value;
      return message;
    });

const hello = (instance: string) => ({ ...reset(instance), type: 'hello' });

const datas = (instance: string) =>
  fc.oneof(
    { arbitrary: fc.constant(reset(instance)), weight: 3 },
    { arbitrary: fc.constant(hello(instance)), weight: 2 },
    { arbitrary: instances.map(hello), weight: 1 },
    { arbitrary: instances.map(reset), weight: 1 },
    { arbitrary: nearReset(instance), weight: 3 },
    { arbitrary: anything, weight: 1 },
    { arbitrary: fc.jsonValue(), weight: 1 },
  );

const cases = instances.chain((instance) =>
  fc.record({
    instance: fc.constant(instance),
    event: fc.record({ source: sources, origin: origins, data: datas(instance) }),
  }),
);

test('for any event, never throws, and resets (or answers hello) only on a valid one from the parent at its origin for this instance', () => {
  let accepted = 0;
  let greeted = 0;
  fc.assert(
    fc.property(cases, ({ instance, event }) => {
      const { listener, resets, hellos } = listen(instance);
      expect(() => listener(event as ParentEvent)).not.toThrow();

      const fromParent = event.source === parent && event.origin === parentOrigin;
      const valid = (schema: typeof ResetMessageSchema | typeof HelloMessageSchema) => {
        const message = schema.safeParse(event.data);
        return fromParent && message.success && message.data.instance === instance;
      };
      const isReset = valid(ResetMessageSchema);
      const isHello = valid(HelloMessageSchema);
      // Otherwise nothing happens: the listener's only effects are onReset and onHello.
      expect([resets(), hellos()]).toEqual([isReset ? 1 : 0, isHello ? 1 : 0]);
      if (isReset) accepted++;
      if (isHello) greeted++;
    }),
    { numRuns: 2000 },
  );
  // Every branch gets exercised.
  expect(accepted).toBeGreaterThan(40);
  expect(greeted).toBeGreaterThan(40);
});
