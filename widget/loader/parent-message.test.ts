import { expect, test } from 'vitest';
import { ParentMessageSchema } from '../../contract';
import { parentMessage } from './parent-message';

test.each(['reset', 'hello'] as const)('the %s message is a protocol v1 parent message for this instance', (type) => {
  const parsed = ParentMessageSchema.safeParse(parentMessage('42-7', type));
  expect(parsed.success).toBe(true);
  expect(parsed.data).toEqual({ ns: 'kycvs', v: 1, instance: '42-7', type, data: {} });
});
