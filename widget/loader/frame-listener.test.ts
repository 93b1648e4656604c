import fc from 'fast-check';
import { expect, test } from 'vitest';
import { FrameMessageSchema, type FrameMessage } from '../../contract';
import { createFrameListener, type FrameEvent } from './frame-listener';

// Stand-ins for windows: the listener only compares them by identity.
const frameWindow = { name: 'our iframe' } as unknown as Window;
const otherFrame = { name: 'another iframe' } as unknown as Window;
const page = { name: 'the page itself' } as unknown as Window;
const host = 'https://cowin-host.example';

/** A listener for an iframe whose window is `contentWindow` (null once it is removed). */
function listen(instance: string, contentWindow: Window | null = frameWindow) {
  const dispatched: FrameMessage[] = [];
  const listener = createFrameListener({ contentWindow }, host, instance, (message) => dispatched.push(message));
  return { listener, dispatched };
}

const ready = (instance: string) => ({ ns: 'kycvs', v: 1, instance, type: 'ready', data: {} });

test('a message from our iframe, of the right shape, from the host, for this instance, is dispatched', () => {
  const { listener, dispatched } = listen('7-8');
  const data = ready('7-8');
  listener({ source: frameWindow, origin: host, data });
  expect(dispatched).toEqual([data]);
});

test('a removed iframe hears nothing, not even a forged event whose source is null too', () => {
  const { listener, dispatched } = listen('7-8', null);
  listener({ source: null, origin: host, data: ready('7-8') });
  expect(dispatched).toEqual([]);
});

test('a forged event whose data throws when read is ignored, not thrown', () => {
  // Any script on the provider's page could dispatch one: that page should see no error from us.
  const { listener, dispatched } = listen('7-8');
  const { proxy, revoke } = Proxy.revocable({}, {});
  revoke();
  const throwing = {
    ...ready('7-8'),
    get data() {
      throw new Error('boom');
    },
  };
  for (const data of [proxy, throwing]) {
    expect(() => listener({ source: frameWindow, origin: host, data })).not.toThrow();
  }
  expect(dispatched).toEqual([]);
});

test('a throwing callback is the page’s own error, and surfaces', () => {
  const listener = createFrameListener({ contentWindow: frameWindow }, host, '', () => {
    throw new Error('onResult failed');
  });
  expect(() => listener({ source: frameWindow, origin: host, data: ready('') })).toThrow('onResult failed');
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

const instances = fc.oneof(fc.constantFrom('', '1-2', '3-4'), fc.string({ maxLength: 8 }));

/** One valid message of each type (messages.fuzz.test.ts covers every shape against the guard). */
const samples = (instance: string): Record<string, unknown>[] =>
  [
    { type: 'ready', data: {} },
    { type: 'resize', data: { height: 412.5 } },
    { type: 'step', data: { step: 'otp' } },
    { type: 'result', data: { status: 'FULLY_VACCINATED', token: 'eyJ.a.b', vaccinations: [] } },
    { type: 'error', data: { code: 'RATE_LIMITED', message: 'Wait.', retryAfter: 30 } },
  ].map((m) => ({ ns: 'kycvs', v: 1, instance, ...m }));

const fields = ['ns', 'v', 'instance', 'type', 'data'] as const;

/** A valid message with one field removed or replaced. */
const nearValid = (instance: string) =>
  fc
    .record({
      message: fc.constantFrom(...samples(instance)),
      field: fc.constantFrom(...fields),
      value: fc.oneof(
        fc.constantFrom<unknown>('kycvs', 'KYCVS', 1, '1', 2, 'ready', 'reset', 'READY', instance, `${instance} `),
        fc.constantFrom<unknown>({}, { height: -1 }, { step: 'done' }, [], null, undefined, new String('ready')),
        anything,
      ),
      remove: fc.boolean(),
    })
    .map(({ message, field, value, remove }) => {
      const copy = { ...message };
      if (remove) delete copy[field];
      else copy[field] = value;
      return copy;
    });

const datas = (instance: string) =>
  fc.oneof(
    { arbitrary: fc.constantFrom(...samples(instance)), weight: 4 },
    { arbitrary: instances.map((other) => ready(other)), weight: 1 },
    { arbitrary: nearValid(instance), weight: 3 },
    { arbitrary: anything, weight: 1 },
    { arbitrary: fc.jsonValue(), weight: 1 },
  );

/** The host's origin, its look-alikes, other origins and garbage. */
const origins = fc.oneof(
  { arbitrary: fc.constant(host), weight: 4 },
  {
    arbitrary: fc.constantFrom(
      `${host}/`,
      host.toUpperCase(),
      host.replace('https:', 'http:'),
      `${host}:443`,
      `${host}.evil.example`,
      'https://provider.example',
      'null',
      '',
    ),
    weight: 2,
  },
  { arbitrary: fc.webUrl().map((url) => new URL(url).origin), weight: 1 },
  { arbitrary: fc.string(), weight: 1 },
);

const cases = instances.chain((instance) =>
  fc.record({
    instance: fc.constant(instance),
    // Our iframe, or none once it is removed.
    contentWindow: fc.constantFrom<Window | null>(frameWindow, frameWindow, frameWindow, null),
    event: fc.record({
      source: fc.constantFrom<MessageEventSource | null>(frameWindow, frameWindow, otherFrame, page, null),
      origin: origins,
      data: datas(instance),
    }),
  }),
);

test('for any event, never throws, and dispatches only what our iframe sent from the host for this instance', () => {
  let accepted = 0;
  fc.assert(
    fc.property(cases, ({ instance, contentWindow, event }) => {
      const { listener, dispatched } = listen(instance, contentWindow);
      expect(() => listener(event as FrameEvent)).not.toThrow();

      const message = FrameMessageSchema.safeParse(event.data);
      const ours =
        contentWindow !== null &&
        event.source === contentWindow &&
        message.success &&
        event.origin === host &&
        message.data.instance === instance;
      // Otherwise nothing happens: every effect of a message (callbacks, DOM events, the height,
      // the form fields) is in render.ts's dispatch, which is never called.
      expect(dispatched.length).toBe(ours ? 1 : 0);
      if (ours) {
        // The very object that passed the checks, not a copy.
        expect(dispatched[0]).toBe(event.data);
        accepted++;
      }
    }),
    { numRuns: 2000 },
  );
  expect(accepted).toBeGreaterThan(40);
});
