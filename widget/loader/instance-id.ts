/**
 * A fresh id per render, about 52 random bits in base 36. It tells widgets on one page apart; it
 * guards nothing, as every message is checked by its source window and origin first
 * (docs/protocol.md), so Math.random does, and costs embed.js less than crypto.
 */
export const instanceId = (): string => Math.random().toString(36).slice(2);
