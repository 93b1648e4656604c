/**
 * A fresh id per render, two random 32-bit numbers. It tells apart widgets on one page; getRandomValues works
 * on plain-http pages too, where crypto.randomUUID is missing.
 */
export const instanceId = (): string => crypto.getRandomValues(new Uint32Array(2)).join('-');
