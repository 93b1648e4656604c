import type { CDPSession } from '@playwright/test';

/**
 * Lighthouse's "Slow 4G" as DevTools throttling applies it (lighthouse-core/config/constants.js,
 * `throttling.mobileSlow4G`: 150 ms × 3.75 RTT, 1.6 Mbps × 0.9 down, 750 kbps × 0.9 up), and its
 * 4× slower CPU. CDP wants bytes per second.
 */
export const SLOW_4G = {
  offline: false,
  latency: 562.5,
  downloadThroughput: (1474.56 * 1024) / 8,
  uploadThroughput: (675 * 1024) / 8,
} as const;
export const CPU_SLOWDOWN = 4;

/**
 * What every target gets, in this order, before it runs a line of script. The cache is left on:
 * a cold visit is a new browser context, whose cache is empty; the warm one is the next tab.
 */
export const THROTTLE_COMMANDS = [
  ['Network.enable', {}],
  ['Network.emulateNetworkConditions', SLOW_4G],
  ['Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN }],
] as const;

/**
 * Slow 4G and a 4× slower CPU on a page and on every target it opens, before they start.
 *
 * A cross-site iframe (the widget's frame on 127.0.0.1 inside a page on localhost) runs in a
 * renderer process of its own: the page's `Emulation.setCPUThrottlingRate` does not slow it, and
 * its network conditions need not cover it either. So the page's session auto-attaches to its
 * child targets with `waitForDebuggerOnStart`: each out-of-process frame waits, paused before its
 * first request and first script, until the same commands have been sent to it, and only then
 * runs. (The legacy, non-flattened attach: Playwright's own CDP session cannot address a child
 * session, but `Target.sendMessageToTarget` can.) The bench then checks it took: every request it
 * counts took at least one emulated round trip (scripts/bench/slow-link.ts).
 */
export async function throttleTree(session: CDPSession): Promise<void> {
  let id = 0;
  // A child target's answers come back as messages; one that failed would leave it unthrottled.
  session.on('Target.receivedMessageFromTarget', ({ message }) => {
    const answer = JSON.parse(message) as { error?: { message: string } };
    if (answer.error) throw new Error(`throttling an iframe's process failed: ${answer.error.message}`);
  });
  session.on('Target.attachedToTarget', (event) => {
    const { sessionId } = event;
    const send = (method: string, params: object) =>
      session
        .send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id: ++id, method, params }) })
        .catch(() => {});
    // Commands of one session are handled in order: the frame runs after it is throttled.
    void (async () => {
      for (const [method, params] of THROTTLE_COMMANDS) await send(method, params);
      await send('Runtime.runIfWaitingForDebugger', {});
    })();
  });
  for (const [method, params] of THROTTLE_COMMANDS) await session.send(method, params);
  await session.send('Target.setAutoAttach', { autoAttach: true, waitForDebuggerOnStart: true, flatten: false });
}
