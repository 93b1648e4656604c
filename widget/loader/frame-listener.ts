// From the contract's index, yet only the hand guard reaches embed.js: the package declares no side
// effects, so none of the zod schemas comes along (docs/architecture.md, "Which part may import which").
import { isFrameMessage, type FrameMessage } from '../../contract';

/** The parts of a `message` event the listener reads. */
export type FrameEvent = Pick<MessageEvent, 'source' | 'origin' | 'data'>;

/**
 * The loader's `message` listener, in the protocol's fixed order (docs/protocol.md): source, then shape, then exact
 * origin, then instance, then dispatch. Anything else is someone else's message, or a forgery, and
 * is ignored without a word.
 *
 * Positional, not an options object, since embed.js pays for every key name: `iframe` (a message
 * counts only when its source is this iframe's window), `host` (the origin that serves
 * frame.html), `instance` (a message for another widget is not ours), `dispatch` (gets each
 * message that passed every check).
 */
export const createFrameListener =
  (
    iframe: Pick<HTMLIFrameElement, 'contentWindow'>,
    host: string,
    instance: string,
    dispatch: (message: FrameMessage) => void,
  ) =>
  (event: FrameEvent): void => {
    let msg: FrameMessage | undefined;
    // The try is needed here: any script on the provider's page shares this window and can
    // dispatch a forged event with `source` set to our iframe and data whose getters or Proxy traps
    // throw (structured clone never makes such data); the page should see no error from us for it.
    // Dispatch stays outside, so that a throwing onResult still surfaces as the page's own bug.
    try {
      // contentWindow is null once the iframe is removed, and so is a forged event's source.
      const source = iframe.contentWindow;
      const data: unknown = event.data;
      if (
        source &&
        event.source === source &&
        isFrameMessage(data) &&
        event.origin === host &&
        data.instance === instance
      ) {
        msg = data;
      }
    } catch {
      // Ignored, as above.
    }
    if (msg) dispatch(msg);
  };
