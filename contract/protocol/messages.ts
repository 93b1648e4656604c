import * as z from 'zod/mini';
import { errorCodes } from './errors';
import { KycvsResultSchema } from './result';
import { frameEventTypes, PROTOCOL_NS, PROTOCOL_VERSION, steps } from './values';

/**
 * Protocol v1 (docs/protocol.md). Every message, both ways:
 * `{ ns: 'kycvs', v: 1, instance, type, data }`.
 */
export { frameEventTypes, PROTOCOL_NS, PROTOCOL_VERSION, steps };

export const StepSchema = z.enum(steps);
export type Step = z.infer<typeof StepSchema>;

export const KycvsErrorSchema = z.object({
  code: z.enum(errorCodes),
  message: z.string(),
  retryAfter: z.optional(z.number()),
  /** The support reference of this case (docs/support.md): a few characters, no personal data. */
  ref: z.optional(z.string()),
});

export const FrameEventTypeSchema = z.enum(frameEventTypes);
export type FrameEventType = z.infer<typeof FrameEventTypeSchema>;

/** An `event` message's data: what happened, and with `error`, the code. */
export const FrameEventSchema = z.object({
  type: FrameEventTypeSchema,
  code: z.optional(z.enum(errorCodes)),
});
export type FrameEvent = z.infer<typeof FrameEventSchema>;

function envelope<T extends string, D extends z.ZodMiniType>(type: T, data: D) {
  return z.object({
    ns: z.literal(PROTOCOL_NS),
    v: z.literal(PROTOCOL_VERSION),
    instance: z.string(),
    type: z.literal(type),
    data,
  });
}

/** `title`: the widget's name in its language, for the loader to give the iframe (WCAG 2.4.2, 4.1.2). */
export const ReadyMessageSchema = envelope(
  'ready',
  z.object({ title: z.optional(z.string().check(z.maxLength(200))) }),
);
export const ResizeMessageSchema = envelope('resize', z.object({ height: z.number().check(z.gte(0), z.lte(100_000)) }));
export const StepMessageSchema = envelope('step', z.object({ step: StepSchema }));
export const ResultMessageSchema = envelope('result', KycvsResultSchema);
export const ErrorMessageSchema = envelope('error', KycvsErrorSchema);
/** The result's token has passed its `exp`: the page should empty what it kept of it. */
export const ExpiredMessageSchema = envelope('expired', z.object({}));
export const EventMessageSchema = envelope('event', FrameEventSchema);
export const ResetMessageSchema = envelope('reset', z.object({}));
/**
 * The loader has taken over a frame the page wrote itself (docs/protocol.md, "A frame written into
 * the page"): the frame says `ready` again, with its height and step, which it may have posted
 * before anyone listened.
 */
export const HelloMessageSchema = envelope('hello', z.object({}));

/** Messages the frame sends to the embedding page. */
export const FrameMessageSchema = z.discriminatedUnion('type', [
  ReadyMessageSchema,
  ResizeMessageSchema,
  StepMessageSchema,
  ResultMessageSchema,
  ErrorMessageSchema,
  ExpiredMessageSchema,
  EventMessageSchema,
]);
export type FrameMessage = z.infer<typeof FrameMessageSchema>;
export type FrameMessageType = FrameMessage['type'];

/** Messages the embedding page sends to the frame. */
export const ParentMessageSchema = z.discriminatedUnion('type', [ResetMessageSchema, HelloMessageSchema]);
export type ParentMessage = z.infer<typeof ParentMessageSchema>;

/** The `data` of a message, by type. */
export type FrameMessageData<T extends FrameMessageType> = Extract<FrameMessage, { type: T }>['data'];

export function parseFrameMessage(value: unknown): FrameMessage | undefined {
  const parsed = FrameMessageSchema.safeParse(value);
  return parsed.success ? parsed.data : undefined;
}

export function parseParentMessage(value: unknown): ParentMessage | undefined {
  const parsed = ParentMessageSchema.safeParse(value);
  return parsed.success ? parsed.data : undefined;
}
