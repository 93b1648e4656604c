// The steps after the first, in a chunk of their own with their own styles: the first paint needs
// only the details step, and the frame's first JS and CSS are held to a budget (docs/architecture.md, "Budgets").
import './later-steps.css';

export { Announcer } from './announcer';
export { OtpStep } from './otp-step';
export { ResultStep } from './result-step';
