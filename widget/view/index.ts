export { App } from './app';
export { Notice } from './notice';
export { laterSteps } from './later-steps-loader';
