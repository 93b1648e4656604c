import { expect, test } from 'vitest';
import { createTranslator, en } from '../i18n';
import { Pending } from './pending';
import { text } from './test-kit';

const t = createTranslator(en);
const retry = () => {};

test('a chunk that could not be fetched is a connection fault with a reference, and Try again', () => {
  const tree = Pending({ failure: { ref: 'K7Q2M9XD' }, retry, t });
  expect(text(tree)).toBe(`${en['error.NETWORK_ERROR']}Reference: K7Q2M9XD${en['action.retry']}`);
});

test('a chunk on its way is only a wait', () => {
  expect(text(Pending({ failure: null, retry, t }))).toBe(en['app.busy']);
});
