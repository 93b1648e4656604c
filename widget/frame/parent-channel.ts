import type { FrameMessageData, FrameMessageType } from '../../contract';
import { frameMessage } from '../../contract';
import { createParentListener } from './parent-listener';

/** The part of `window` the channel uses; tests pass a fake. */
export type FrameWindow = Pick<Window, 'parent' | 'addEventListener' | 'removeEventListener'>;

export interface ParentChannelOptions {
  win: FrameWindow;
  /** The parent's verified origin (parent-origin.ts); null when there is none, and then nothing is posted. */
  parentOrigin: string | null;
  /** Echoed in every message, so that a page with several widgets can tell them apart. */
  instance: string;
  /** Called on a valid `reset` from the parent. */
  onReset: () => void;
}

export interface ParentChannel {
  post<T extends FrameMessageType>(type: T, data: FrameMessageData<T>): void;
  dispose(): void;
}

/** What a `hello` repeats, in this order: the state a loader that came late needs. */
const REPEATED: readonly FrameMessageType[] = ['ready', 'resize', 'step'];

/**
 * Protocol v1 with the embedding page (docs/protocol.md). Sends only to the verified origin,
 * never `'*'`, so that no other page that frames this one can read a result.
 *
 * A page may write the frame into its markup and load embed.js beside it (docs/portals.md, "The
 * frame written into the page"); the loader then arrives after the frame has said `ready`, and
 * says `hello`. The channel answers with the last `ready`, `resize` and `step` it posted, and
 * with nothing before its first `ready`, which is still to come.
 */
export function createParentChannel(options: ParentChannelOptions): ParentChannel {
  const { win, parentOrigin, instance } = options;
  const parent = win.parent;
  // Opened directly, the frame is its own parent (and a detached one has none): no one to talk to.
  const target = parent && parent !== (win as unknown) ? parentOrigin : null;
  const send = <T extends FrameMessageType>(type: T, data: FrameMessageData<T>) =>
    parent.postMessage(frameMessage(instance, type, data), target!);
  /** The last data posted of each repeated type. */
  const last = new Map<FrameMessageType, FrameMessageData<FrameMessageType>>();
  const repeat = () => {
    if (!last.has('ready')) return;
    for (const type of REPEATED) {
      const data = last.get(type);
      if (data) send(type, data);
    }
  };
  const onMessage =
    target === null ? null : createParentListener({ ...options, parent, parentOrigin: target, onHello: repeat });
  if (onMessage) win.addEventListener('message', onMessage);

  return {
    post(type, data) {
      if (target === null) return;
      if (REPEATED.includes(type)) last.set(type, data);
      send(type, data);
    },
    dispose() {
      if (onMessage) win.removeEventListener('message', onMessage);
    },
  };
}
