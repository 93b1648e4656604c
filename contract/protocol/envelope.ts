import type { FrameMessage, FrameMessageData, FrameMessageType } from './messages';
import { PROTOCOL_NS, PROTOCOL_VERSION } from './values';

/**
 * Protocol v1's envelope, `{ ns: 'kycvs', v: 1, instance, type, data }`, in a module without zod:
 * the frame builds every message it sends with this and needs none of the schemas to do it.
 */
/** Builds a well-formed envelope. */
export function frameMessage<T extends FrameMessageType>(
  instance: string,
  type: T,
  data: FrameMessageData<T>,
): FrameMessage {
  return { ns: PROTOCOL_NS, v: PROTOCOL_VERSION, instance, type, data } as FrameMessage;
}
