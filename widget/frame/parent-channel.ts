import { frameMessage, parseParentMessage, type FrameMessageData, type FrameMessageType } from '../protocol';

/** The part of `window` the channel uses; tests pass a fake. */
export type FrameWindow = Pick<Window, 'parent' | 'addEventListener' | 'removeEventListener'>;

export interface ParentChannelOptions {
  win: FrameWindow;
  /** The embedding page's exact origin; null when it is not registered, and then nothing is posted. */
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
 * Protocol v1 with the embedding page (DESIGN.md, contract 2). Sends only to the registered origin,
 * never `'*'`, so that no other page that frames this one can read a result.
 */
export function createParentChannel({ win, parentOrigin, instance, onReset }: ParentChannelOptions): ParentChannel {
  const parent = win.parent;
  const connected = parentOrigin !== null && parent !== null && parent !== (win as unknown);

  // The fixed receive order: source, then shape, then exact origin, then instance. Anything else
  // is dropped without a word: a page cannot learn from the frame's reaction what it checks.
  const onMessage = (event: MessageEvent) => {
    try {
      if (event.source !== parent) return;
      const message = parseParentMessage(event.data);
      if (!message || event.origin !== parentOrigin || message.instance !== instance) return;
      if (message.type === 'reset') onReset();
    } catch {
      // A hostile message (a throwing getter, say) must not break the widget.
    }
  };
  if (connected) win.addEventListener('message', onMessage);

  return {
    post(type, data) {
      if (connected) parent.postMessage(frameMessage(instance, type, data), parentOrigin);
    },
    dispose() {
      win.removeEventListener('message', onMessage);
    },
  };
}
