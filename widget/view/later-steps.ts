// The steps after the first, in a chunk of their own: the first paint needs only the details step,
// and the frame's first JS is held to a budget (DESIGN.md, "Budgets").
export { OtpStep } from './otp-step';
export { ResultStep } from './result-step';
