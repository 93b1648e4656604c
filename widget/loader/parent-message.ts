import type { ParentMessage } from '../../contract';

/**
 * The one message the page sends to the frame. Written out rather than built with the protocol's
 * helpers, which would pull zod into embed.js; reset-message.test.ts holds it to the schema.
 */
export const resetMessage = (instance: string): ParentMessage => ({
  ns: 'kycvs',
  v: 1,
  instance,
  type: 'reset',
  data: {},
});
