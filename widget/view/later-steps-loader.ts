import { lazy } from './lazy';

/** The steps after the first (later-steps.ts), fetched while the person is still on the first. */
export const laterSteps = lazy(() => import('./later-steps'));

/** The language picker (language-picker.tsx), fetched after the first paint. */
export const languagePicker = lazy(() => import('./language-picker'));
