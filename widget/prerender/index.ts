// What the host renders of the widget into frame.html (docs/architecture.md, "The first paint").
export { renderFirstStep, type FirstStep } from './first-step';
export { accentRules } from './accent-rules';
