export * from './errors';
export * from './result';
export * from './messages';
export { frameMessage } from './envelope';
export { isFrameMessage, isParentMessage } from './guard';
export * from './languages';
export { appTitles } from './titles';
