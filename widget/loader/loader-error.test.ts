import { expect, test } from 'vitest';
import { loaderError } from './loader-error';

test('is an Error named KycvsError that carries its code', () => {
  const e = loaderError('DESTROYED', 'gone');
  expect(e).toBeInstanceOf(Error);
  expect(e).toMatchObject({ name: 'KycvsError', code: 'DESTROYED', message: 'gone' });
});
