import { signal } from '@preact/signals';
import { expect, test, vi } from 'vitest';
import type { KycvsResult } from '../../contract';
import { createTranslator, en } from '../i18n';
import type { VerificationFlow } from '../model';
import { enableShare } from '../share/share-context';
import { ResultStep } from './result-step';
import { elements, text } from './test-kit';

// No DOM here: the step's hooks become no-ops, so that the step reads as a function of the flow.
vi.mock('preact/hooks', () => ({ useEffect: () => {}, useRef: (current: unknown) => ({ current }) }));
// A browser that cannot share files: the button then offers to download the picture.
vi.stubGlobal('navigator', {});

const t = createTranslator(en);
const result: KycvsResult = { status: 'FULLY_VACCINATED', token: 'a.b.c', beneficiary: { name: 'Asha Verma' } };

function step(expired: boolean) {
  const flow = {
    result: signal(result),
    expired: signal(expired),
    reset: vi.fn(),
    verifyAgain: vi.fn(),
  } as unknown as VerificationFlow;
  return { flow, tree: ResultStep({ flow, t, lang: 'en', focus: false }) };
}

const buttons = (tree: ReturnType<typeof step>['tree']) =>
  elements(tree)
    .filter((e) => e.type === 'button')
    .map((b) => text(b));

test('a current result shows the status, the details, the share button and Verify another person', () => {
  enableShare(true);
  const { tree } = step(false);
  expect(text(tree)).toContain('Fully vaccinated');
  expect(text(tree)).toContain('Asha Verma');
  expect(buttons(tree)).toEqual(['Download picture', 'Verify another person']);
});

test('once expired, the status, the details and the share button are gone, and Verify again is the one action', () => {
  enableShare(true);
  const { flow, tree } = step(true);
  expect(text(tree)).not.toContain('Fully vaccinated');
  expect(text(tree)).not.toContain('Asha Verma');
  expect(text(tree)).toContain(en['expired.notice']);
  expect(buttons(tree)).toEqual(['Verify again']);
  const [again] = elements(tree).filter((e) => e.type === 'button');
  expect(again?.props.onClick).toBe(flow.verifyAgain);
});
