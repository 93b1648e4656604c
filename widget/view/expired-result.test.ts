import { expect, test, vi } from 'vitest';
import { createTranslator, en } from '../i18n';
import { ExpiredResult } from './expired-result';
import { elements, text } from './test-kit';

const t = createTranslator(en);

test('an expired result says so, shows no status and offers one action, Verify again', () => {
  const verifyAgain = vi.fn();
  const tree = ExpiredResult({ flow: { verifyAgain }, t, headingRef: { current: null } });
  expect(text(tree)).toContain('This check has expired. Verify again to get a new result.');
  for (const status of ['Fully vaccinated', 'Partially vaccinated', 'Not vaccinated']) {
    expect(text(tree)).not.toContain(status);
  }
  const buttons = elements(tree).filter((e) => e.type === 'button');
  expect(buttons.map((b) => text(b))).toEqual(['Verify again']);
  expect(buttons[0]?.props.onClick).toBe(verifyAgain);
  const heading = elements(tree).find((e) => e.type === 'h1');
  expect([heading?.props.id, heading?.props.tabIndex]).toEqual(['kycvs-status', -1]);
});
