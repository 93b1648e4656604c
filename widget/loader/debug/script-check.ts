import { messages } from './messages';

/**
 * What is wrong with the way embed.js was loaded, if anything. The loader takes the host from its
 * own script's URL (the origin that serves frame.html), so that URL must be the host's /embed.js:
 * a copy on the provider's server, a CDN or a bundle sends the frame to the wrong place.
 */
export function scriptProblem(src: string | undefined, host: string): string | undefined {
  if (!src) return messages.noCurrentScript(host);
  let path: string;
  try {
    path = new URL(src).pathname;
  } catch {
    path = '';
  }
  return path === '/embed.js' ? undefined : messages.notEmbedPath(src, host);
}
