import { expectTypeOf, test } from 'vitest';
import {
  ErrorCode,
  READY_TIMEOUT_MS,
  render,
  type KycvsErrorData,
  type KycvsEvent,
  type KycvsGlobal,
  type KycvsHandle,
  type KycvsResult,
  type Lang,
  type LoaderError,
  type RenderOptions,
  type Step,
  type Theme,
} from './index';

// Type tests of `kycvs`, the package's ESM entry (and of `window.KYCVS`): checked by `tsc`, not run.

test('render takes a target, the options and the host, and returns a handle', () => {
  expectTypeOf(render).parameters.toEqualTypeOf<[target: Element | string, options: RenderOptions, host: string]>();
  expectTypeOf(render).returns.toEqualTypeOf<KycvsHandle>();
  expectTypeOf<KycvsGlobal['render']>().parameters.toEqualTypeOf<[target: Element | string, options: RenderOptions]>();
  expectTypeOf<KycvsGlobal['version']>().toEqualTypeOf<string>();
  expectTypeOf(READY_TIMEOUT_MS).toEqualTypeOf<number>();
});

test('the handle: the first result, reset and destroy', () => {
  expectTypeOf<KycvsHandle['result']>().toEqualTypeOf<Promise<KycvsResult>>();
  expectTypeOf<KycvsHandle['reset']>().toEqualTypeOf<() => void>();
  expectTypeOf<KycvsHandle['destroy']>().toEqualTypeOf<() => void>();
});

test('KycvsResult: the status, the token, and what the scope allows', () => {
  expectTypeOf<KycvsResult['status']>().toEqualTypeOf<'FULLY_VACCINATED' | 'PARTIALLY_VACCINATED' | 'NOT_VACCINATED'>();
  expectTypeOf<KycvsResult['token']>().toEqualTypeOf<string>();
  expectTypeOf<KycvsResult>().toHaveProperty('beneficiary');
  expectTypeOf<NonNullable<KycvsResult['beneficiary']>['name']>().toEqualTypeOf<string>();
  expectTypeOf<NonNullable<KycvsResult['vaccinations']>[number]>().toHaveProperty('vaccine').toEqualTypeOf<string>();
  expectTypeOf<{ status: 'NOT_VACCINATED'; token: string }>().toExtend<KycvsResult>();
  expectTypeOf<{ status: 'VACCINATED'; token: string }>().not.toExtend<KycvsResult>();
});

test('errors: one code union, the ErrorCode table, and the Error the loader throws', () => {
  expectTypeOf<KycvsErrorData['code']>().toEqualTypeOf<
    | 'INVALID_NAME'
    | 'INVALID_MOBILE'
    | 'INVALID_OTP'
    | 'OTP_INCORRECT'
    | 'OTP_EXPIRED'
    | 'OTP_ATTEMPTS_EXCEEDED'
    | 'RESEND_NOT_ALLOWED'
    | 'RATE_LIMITED'
    | 'SESSION_EXPIRED'
    | 'UNKNOWN_PROVIDER'
    | 'ORIGIN_NOT_ALLOWED'
    | 'NETWORK_ERROR'
    | 'TIMEOUT'
    | 'SERVER_ERROR'
    | 'BAD_REQUEST'
    | 'FRAME_TIMEOUT'
    | 'DESTROYED'
    | 'CONTAINER_NOT_FOUND'
  >();
  expectTypeOf(ErrorCode.FRAME_TIMEOUT).toEqualTypeOf<'FRAME_TIMEOUT'>();
  expectTypeOf<KycvsErrorData['message']>().toEqualTypeOf<string>();
  expectTypeOf<KycvsErrorData['retryAfter']>().toEqualTypeOf<number | undefined>();
  expectTypeOf<LoaderError>().toExtend<Error>();
  expectTypeOf<LoaderError>().toExtend<KycvsErrorData>();
});

test('options: a provider id, one of the twelve languages, a theme, callbacks', () => {
  expectTypeOf<RenderOptions['provider']>().toEqualTypeOf<string>();
  expectTypeOf<Lang>().toEqualTypeOf<
    'en' | 'hi' | 'mr' | 'bn' | 'as' | 'gu' | 'pa' | 'or' | 'ta' | 'te' | 'kn' | 'ml'
  >();
  expectTypeOf<RenderOptions['lang']>().toEqualTypeOf<Lang | undefined>();
  expectTypeOf<Theme>().toEqualTypeOf<'light' | 'dark' | 'auto'>();
  expectTypeOf<RenderOptions['theme']>().toEqualTypeOf<Theme | undefined>();
  expectTypeOf<RenderOptions['debug']>().toEqualTypeOf<boolean | undefined>();
  expectTypeOf<RenderOptions['onResult']>().toEqualTypeOf<((result: KycvsResult) => void) | undefined>();
  expectTypeOf<RenderOptions['onError']>().toEqualTypeOf<((error: KycvsErrorData) => void) | undefined>();
  expectTypeOf<RenderOptions['onEvent']>().toEqualTypeOf<((event: KycvsEvent) => void) | undefined>();
  expectTypeOf({ provider: 'demo-irctc' }).toExtend<RenderOptions>();
  expectTypeOf({ provider: 'demo-irctc', lang: 'hi' as const, theme: 'dark' as const }).toExtend<RenderOptions>();
  expectTypeOf({ provider: 'demo-irctc', lang: 'fr' as const }).not.toExtend<RenderOptions>();
  expectTypeOf({ provider: 'demo-irctc', lang: 'hi-IN' as const }).not.toExtend<RenderOptions>();
  expectTypeOf({ lang: 'hi' as const }).not.toExtend<RenderOptions>();
});

test('events carry a step or an error code at most, never personal data', () => {
  expectTypeOf<KycvsEvent>().toEqualTypeOf<
    | { type: 'ready' }
    | { type: 'step'; step: Step }
    | { type: 'otp_sent' }
    | { type: 'otp_resent' }
    | { type: 'error'; code: ErrorCode }
    | { type: 'expired' }
    | { type: 'abandoned'; step: 'otp' }
  >();
  expectTypeOf<RenderOptions['onExpired']>().toEqualTypeOf<(() => void) | undefined>();
  expectTypeOf({ provider: 'p', action: 'booking' }).toExtend<RenderOptions>();
  expectTypeOf<Step>().toEqualTypeOf<'details' | 'otp' | 'result'>();
});
