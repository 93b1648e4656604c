import { expect, test } from 'vitest';
import { ParentMessageSchema } from '../../contract';
import { resetMessage } from './reset-message';

test('the reset message is a protocol v1 parent message for this instance', () => {
  const parsed = ParentMessageSchema.safeParse(resetMessage('42-7'));
  expect(parsed.success).toBe(true);
  expect(parsed.data).toEqual({ ns: 'kycvs', v: 1, instance: '42-7', type: 'reset', data: {} });
});
