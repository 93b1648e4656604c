import { expect, test } from 'vitest';
import { readTheme } from './read-theme';

test('reads light or dark from the URL and anything else as auto', () => {
  expect([
    readTheme('?theme=dark'),
    readTheme('?provider=x&theme=light'),
    readTheme('?theme=pink'),
    readTheme(''),
  ]).toEqual(['dark', 'light', 'auto', 'auto']);
});
