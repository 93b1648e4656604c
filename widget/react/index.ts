// `kycvs/react`: the widget for React apps, a component and a hook over the loader's render().
// React is the app's own (an optional peer dependency), never bundled here. The built file starts
// with 'use client' (vite.config.ts), for React Server Components frameworks.
export { KycvsVerify, type KycvsVerifyProps } from './kycvs-verify';
export { useKycvs, type KycvsState, type UseKycvs, type UseKycvsOptions } from './use-kycvs';
export type { KycvsErrorData, KycvsEvent, KycvsResult, Lang, RenderOptions, Theme } from '../loader';
