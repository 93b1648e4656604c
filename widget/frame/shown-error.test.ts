import { signal } from '@preact/signals';
import { expect, test } from 'vitest';
import type { Step } from '../../contract';
import type { FlowError } from '../model';
import { shownError } from './shown-error';

function setup() {
  const step = signal<Step>('details');
  const error = signal<FlowError | null>(null);
  const failure = signal<{ ref: string } | null>(null);
  return { step, error, failure, shown: shownError({ step, error }, failure) };
}

test("is the flow's error while the later steps' code is in or on its way", () => {
  const { error, step, shown } = setup();
  error.value = { code: 'RATE_LIMITED', message: 'x' };
  expect(shown.value).toBe(error.value);
  step.value = 'otp';
  expect(shown.value).toBe(error.value);
});

test("is a connection fault with the chunk's reference once a later step cannot be shown for want of its code", () => {
  const { failure, step, shown } = setup();
  failure.value = { ref: 'K7Q2M9XD' };
  // On the details step the failure shows nowhere yet: the step change fetches again.
  expect(shown.value).toBeNull();
  step.value = 'otp';
  const fault = shown.value;
  expect(fault).toEqual({ code: 'NETWORK_ERROR', message: 'No connection.', ref: 'K7Q2M9XD' });
  step.value = 'result';
  expect(shown.value).toBe(fault);
  failure.value = null;
  expect(shown.value).toBeNull();
});
