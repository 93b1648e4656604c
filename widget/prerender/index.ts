// What the host renders of the widget into frame.html (docs/architecture.md, "The first paint").
export { renderFirstStep, type FirstStep } from './first-step';
export { accentRules } from './accent-rules';
// The page's `theme` as the frame's script reads it, so that the first paint and the script agree.
export { readTheme } from '../frame/read-theme';
