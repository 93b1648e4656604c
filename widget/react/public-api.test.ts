import type { ReactElement, RefCallback } from 'react';
import { expectTypeOf, test } from 'vitest';
import type {
  KycvsErrorData,
  KycvsResult,
  KycvsState,
  KycvsVerify,
  KycvsVerifyProps,
  RenderOptions,
  UseKycvs,
  UseKycvsOptions,
  useKycvs,
} from './index';

// Type tests of `kycvs/react`: checked by `tsc`, not run (the e2e tests run it on a React page).

test("the hook takes render()'s options and the host, and returns what a form needs", () => {
  expectTypeOf<UseKycvsOptions>().toExtend<RenderOptions>();
  expectTypeOf<UseKycvsOptions['host']>().toEqualTypeOf<string>();
  expectTypeOf<Parameters<typeof useKycvs>>().toEqualTypeOf<[options: UseKycvsOptions]>();
  expectTypeOf<ReturnType<typeof useKycvs>>().toEqualTypeOf<UseKycvs>();
  expectTypeOf<UseKycvs['ref']>().toEqualTypeOf<RefCallback<HTMLElement>>();
  expectTypeOf<UseKycvs['state']>().toEqualTypeOf<KycvsState>();
  expectTypeOf<KycvsState>().toEqualTypeOf<'loading' | 'details' | 'otp' | 'verified' | 'expired' | 'unavailable'>();
  expectTypeOf<UseKycvs['result']>().toEqualTypeOf<KycvsResult | null>();
  expectTypeOf<UseKycvs['error']>().toEqualTypeOf<KycvsErrorData | null>();
  expectTypeOf<UseKycvs['reset']>().toEqualTypeOf<() => void>();
});

test("the component's props are the hook's options and the container's id, class and style", () => {
  expectTypeOf<KycvsVerifyProps>().toExtend<UseKycvsOptions>();
  expectTypeOf<KycvsVerifyProps>().toHaveProperty('className');
  expectTypeOf<KycvsVerifyProps>().toHaveProperty('style');
  expectTypeOf<typeof KycvsVerify>().returns.toEqualTypeOf<ReactElement>();
  expectTypeOf<KycvsVerifyProps['onResult']>().toEqualTypeOf<((result: KycvsResult) => void) | undefined>();
});
