import { expect, test } from 'vitest';
import { ErrorCode, errorCodes } from './errors';

test('errorCodes lists every ErrorCode once, in the same order', () => {
  expect(errorCodes).toEqual(Object.values(ErrorCode));
  expect(new Set(errorCodes).size).toBe(errorCodes.length);
});
