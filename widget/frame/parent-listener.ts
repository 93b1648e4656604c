import { isParentMessage, type ParentMessage } from '../../contract';

export interface ParentListenerOptions {
  /** `window.parent`, the one window that may talk to the frame. */
  parent: MessageEventSource;
  /** The parent's verified origin (parent-origin.ts). */
  parentOrigin: string;
  /** This frame's instance: a message for another one is not ours. */
  instance: string;
  /** Called on a valid `reset` from the parent. */
  onReset: () => void;
  /** Called on a valid `hello` from the parent: a loader took over a frame the page wrote. */
  onHello?: () => void;
}

/** The parts of a `message` event the listener reads. */
export type ParentEvent = Pick<MessageEvent, 'source' | 'origin' | 'data'>;

// Structured clone, the only way another document's message gets here, makes plain data with no
// getters and no Proxies, on which the guard cannot throw. Only a script running in this very
// window (ours, or an extension's) could dispatch an event carrying such things, and only on
// purpose, with `source` forged to our parent; the try keeps the listener total even then, for a
// few bytes, rather than let a crafted message surface as an uncaught error. The guard, not
// ParentMessageSchema: zod is not in the frame's first load (guard.ts's twin is held to the schema).
/** The instance and type of a valid parent message; undefined for anything else. Reads each field once. */
function readParentMessage(data: unknown): Pick<ParentMessage, 'instance' | 'type'> | undefined {
  try {
    return isParentMessage(data) ? { instance: data.instance, type: data.type } : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The frame's `message` listener, in the protocol's fixed order (docs/protocol.md): source, then shape, then exact
 * origin, then instance, then dispatch. Anything else is dropped without a word, so a page learns
 * nothing from the frame's reaction.
 */
export function createParentListener({ parent, parentOrigin, instance, onReset, onHello }: ParentListenerOptions) {
  return (event: ParentEvent): void => {
    if (event.source !== parent) return;
    const message = readParentMessage(event.data);
    if (message === undefined || event.origin !== parentOrigin || message.instance !== instance) return;
    if (message.type === 'reset') onReset();
    else onHello?.();
  };
}
