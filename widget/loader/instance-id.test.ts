import { expect, test } from 'vitest';
import { instanceId } from './instance-id';

test('makes a fresh URL-safe id each time', () => {
  const ids = new Set(Array.from({ length: 1000 }, instanceId));
  expect(ids.size).toBe(1000);
  for (const id of ids) expect(id).toMatch(/^[0-9a-z]+$/);
});
