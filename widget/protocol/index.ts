export * from './errors';
export * from './result';
export * from './messages';
export { isFrameMessage } from './guard';
export * from './languages';
