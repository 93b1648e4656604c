/**
 * embed-debug.js: debug mode for embed.js, which loads it only when a page asks for it, so that
 * the sentences cost embed.js nothing (docs/architecture.md, "Budgets"). Built as an IIFE of its own by
 * `vite build --mode embed`; embed.js hands it the queued facts on the script element that loads it.
 */
import { startDebug } from './debug';
import { QUEUE_PROPERTY, type QueueScript } from './debug-hook';

const queue = (document.currentScript as QueueScript | null)?.[QUEUE_PROPERTY];
if (queue) startDebug(queue);
