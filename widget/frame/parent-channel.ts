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

/**
 * Protocol v1 with the embedding page (docs/protocol.md). Sends only to the verified origin,
 * never `'*'`, so that no other page that frames this one can read a result.
 */
export function createParentChannel(options: ParentChannelOptions): ParentChannel {
  const { win, parentOrigin, instance } = options;
  const parent = win.parent;
  // Opened directly, the frame is its own parent (and a detached one has none): no one to talk to.
  const target = parent && parent !== (win as unknown) ? parentOrigin : null;
  const onMessage = target === null ? null : createParentListener({ ...options, parent, parentOrigin: target });
  if (onMessage) win.addEventListener('message', onMessage);

  return {
    post(type, data) {
      if (target !== null) parent.postMessage(frameMessage(instance, type, data), target);
    },
    dispose() {
      if (onMessage) win.removeEventListener('message', onMessage);
    },
  };
}
