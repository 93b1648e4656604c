// Straight to the files, not ../protocol/index: embed.js cannot carry zod (DESIGN.md, contract 2).
import { isFrameMessage } from '../protocol/guard';
import type { FrameMessage } from '../protocol/messages';

export interface FrameListenerOptions {
  /** The widget's iframe: a message counts only when its source is this iframe's window. */
  iframe: Pick<HTMLIFrameElement, 'contentWindow'>;
  /** The origin that serves frame.html. */
  host: string;
  /** This widget's instance: a message for another one is not ours. */
  instance: string;
  /** Gets each message that passed every check. */
  dispatch: (message: FrameMessage) => void;
}

/** The parts of a `message` event the listener reads. */
export type FrameEvent = Pick<MessageEvent, 'source' | 'origin' | 'data'>;

/**
 * The loader's `message` listener, in contract 2's fixed order: source, then shape, then exact
 * origin, then instance, then dispatch. Anything else is someone else's message, or a forgery, and
 * is ignored without a word.
 */
export const createFrameListener =
  ({ iframe, host, instance, dispatch }: FrameListenerOptions) =>
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
