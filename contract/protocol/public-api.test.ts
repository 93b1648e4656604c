import { expectTypeOf, test } from 'vitest';
import {
  FrameMessageSchema,
  frameMessage,
  isFrameMessage,
  parseFrameMessage,
  parseParentMessage,
  type FrameMessage,
  type FrameMessageType,
  type KycvsResult,
  type ParentMessage,
} from './index';

// Type tests of `kycvs/protocol`, for portals that embed frame.html themselves: checked by `tsc`, not run.

test('every message has the v1 envelope; the frame sends seven types, the page one', () => {
  expectTypeOf<FrameMessage>().toHaveProperty('ns').toEqualTypeOf<'kycvs'>();
  expectTypeOf<FrameMessage>().toHaveProperty('v').toEqualTypeOf<1>();
  expectTypeOf<FrameMessage>().toHaveProperty('instance').toEqualTypeOf<string>();
  expectTypeOf<FrameMessageType>().toEqualTypeOf<
    'ready' | 'resize' | 'step' | 'result' | 'error' | 'expired' | 'event'
  >();
  expectTypeOf<ParentMessage['type']>().toEqualTypeOf<'reset' | 'hello'>();
  expectTypeOf<Extract<FrameMessage, { type: 'resize' }>['data']>().toEqualTypeOf<{ height: number }>();
  expectTypeOf<Extract<FrameMessage, { type: 'result' }>['data']>().toEqualTypeOf<KycvsResult>();
  expectTypeOf<Extract<FrameMessage, { type: 'event' }>['data']['type']>().toEqualTypeOf<
    'otp_sent' | 'otp_resent' | 'error' | 'expired'
  >();
});

test('parsers return the message or undefined; the guard narrows', () => {
  expectTypeOf(parseFrameMessage).returns.toEqualTypeOf<FrameMessage | undefined>();
  expectTypeOf(parseParentMessage).returns.toEqualTypeOf<ParentMessage | undefined>();
  expectTypeOf(isFrameMessage).guards.toEqualTypeOf<FrameMessage>();
  expectTypeOf(FrameMessageSchema.safeParse).returns.toHaveProperty('success').toEqualTypeOf<boolean>();
  expectTypeOf(frameMessage).parameter(1).toEqualTypeOf<FrameMessageType>();
});
