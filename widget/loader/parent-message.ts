import type { ParentMessage } from '../../contract';

/**
 * A message the page sends to the frame: `reset`, or `hello` to a frame the page wrote itself.
 * Written out rather than built with the protocol's helpers, which would pull zod into embed.js;
 * parent-message.test.ts holds it to the schema.
 */
export const parentMessage = (instance: string, type: ParentMessage['type']): ParentMessage => ({
  ns: 'kycvs',
  v: 1,
  instance,
  type,
  data: {},
});
