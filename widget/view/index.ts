export { App } from './app';
export { Notice } from './notice';
