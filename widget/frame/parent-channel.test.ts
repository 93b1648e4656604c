import { expect, test, vi } from 'vitest';
import { createParentChannel, type FrameWindow } from './parent-channel';

const origin = 'https://provider.example';
const reset = (instance = 'i-1') => ({ ns: 'kycvs', v: 1, instance, type: 'reset', data: {} });
const hello = (instance = 'i-1') => ({ ns: 'kycvs', v: 1, instance, type: 'hello', data: {} });

/** A frame window whose parent records what is posted to it. */
function fakeFrame({ topLevel = false } = {}) {
  const posted: [unknown, string][] = [];
  const listeners = new Set<(event: MessageEvent) => void>();
  const parent = { postMessage: (message: unknown, targetOrigin: string) => posted.push([message, targetOrigin]) };
  const win = {
    addEventListener: (_type: string, fn: (event: MessageEvent) => void) => listeners.add(fn),
    removeEventListener: (_type: string, fn: (event: MessageEvent) => void) => listeners.delete(fn),
  } as Record<string, unknown>;
  win.parent = topLevel ? win : parent;
  const deliver = (event: Partial<MessageEvent>) => listeners.forEach((fn) => fn(event as MessageEvent));
  return { win: win as unknown as FrameWindow, parent, posted, listeners, deliver };
}

function setup(parentOrigin: string | null = origin, topLevel = false) {
  const frame = fakeFrame({ topLevel });
  const onReset = vi.fn();
  const channel = createParentChannel({ win: frame.win, parentOrigin, instance: 'i-1', onReset });
  return { ...frame, onReset, channel };
}

test('posts protocol v1 envelopes to the exact parent origin', () => {
  const { channel, posted } = setup();
  channel.post('step', { step: 'otp' });
  expect(posted).toEqual([[{ ns: 'kycvs', v: 1, instance: 'i-1', type: 'step', data: { step: 'otp' } }, origin]]);
});

test('posts nothing without a registered parent origin', () => {
  const { channel, posted, listeners } = setup(null);
  channel.post('ready', {});
  expect(posted).toEqual([]);
  expect(listeners.size).toBe(0);
});

test('posts nothing when the frame is not framed', () => {
  const { channel, posted } = setup(origin, true);
  channel.post('ready', {});
  expect(posted).toEqual([]);
});

test('a reset from the parent, at its origin, for this instance, resets the flow', () => {
  const { deliver, parent, onReset } = setup();
  deliver({ source: parent as unknown as Window, origin, data: reset() });
  expect(onReset).toHaveBeenCalledTimes(1);
});

const throwing = {
  get ns(): string {
    throw new Error('boom');
  },
};

test.each([
  ['another window', { source: {} as Window, origin, data: reset() }],
  ['another origin', { origin: 'https://evil.example', data: reset() }],
  ['a look-alike origin', { origin: `${origin}.evil.example`, data: reset() }],
  ['another instance', { origin, data: reset('i-2') }],
  ['a malformed message', { origin, data: { ns: 'kycvs', v: 1, type: 'reset' } }],
  ['another protocol version', { origin, data: { ...reset(), v: 2 } }],
  ['a frame-to-parent type', { origin, data: { ...reset(), type: 'ready' } }],
  ['a string', { origin, data: JSON.stringify(reset()) }],
  ['a throwing getter', { origin, data: throwing }],
])('ignores %s silently', (_name, event) => {
  const { deliver, parent, onReset } = setup();
  expect(() => deliver({ source: parent as unknown as Window, ...event })).not.toThrow();
  expect(onReset).not.toHaveBeenCalled();
});

test('dispose stops listening', () => {
  const { channel, listeners } = setup();
  channel.dispose();
  expect(listeners.size).toBe(0);
});

test('a detached frame, whose parent is null, posts nothing and hears nothing', () => {
  const frame = fakeFrame();
  (frame.win as { parent: unknown }).parent = null;
  const onReset = vi.fn();
  const channel = createParentChannel({ win: frame.win, parentOrigin: origin, instance: 'i-1', onReset });
  expect(() => channel.post('ready', {})).not.toThrow();
  frame.deliver({ source: null, origin, data: reset() });
  expect(onReset).not.toHaveBeenCalled();
  expect(frame.listeners.size).toBe(0);
});

// ---- hello: a loader that took over a frame the page wrote --------------------------------

/** The types and data of what the parent was sent, in order. */
const sent = (posted: [unknown, string][]) =>
  posted.map(([message]) => {
    const { type, data } = message as { type: string; data: unknown };
    return [type, data];
  });

test('a hello repeats the last ready, resize and step, in that order, and nothing else', () => {
  const { channel, deliver, parent, posted, onReset } = setup();
  channel.post('ready', { title: 'Know Your Vaccination Status' });
  channel.post('resize', { height: 300 });
  channel.post('step', { step: 'otp' });
  channel.post('event', { type: 'otp_sent' });
  channel.post('resize', { height: 420 });
  posted.length = 0;
  deliver({ source: parent as unknown as Window, origin, data: hello() });
  expect(sent(posted)).toEqual([
    ['ready', { title: 'Know Your Vaccination Status' }],
    ['resize', { height: 420 }],
    ['step', { step: 'otp' }],
  ]);
  expect(posted.every(([, target]) => target === origin)).toBe(true);
  expect(onReset).not.toHaveBeenCalled();
});

test('a hello before the first ready gets no answer: that ready is still to come', () => {
  const { channel, deliver, parent, posted } = setup();
  channel.post('resize', { height: 300 });
  posted.length = 0;
  deliver({ source: parent as unknown as Window, origin, data: hello() });
  expect(posted).toEqual([]);
});

test.each([
  ['another window', { source: {} as Window, origin, data: hello() }],
  ['another origin', { origin: 'https://evil.example', data: hello() }],
  ['another instance', { origin, data: hello('i-2') }],
])('a hello from %s gets no answer', (_name, event) => {
  const { channel, deliver, parent, posted } = setup();
  channel.post('ready', {});
  posted.length = 0;
  deliver({ source: parent as unknown as Window, ...event });
  expect(posted).toEqual([]);
});
