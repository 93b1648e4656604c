import { PROTOCOL_VERSION } from '../../../contract';
import { messages } from './messages';

/** The host's two names for the loader (docs/versions.md): the latest, and the protocol's own. */
const EMBED_PATHS = ['/embed.js', `/v${PROTOCOL_VERSION}/embed.js`];

/**
 * What is wrong with the way embed.js was loaded, if anything. The loader takes the host from its
 * own script's URL (the origin that serves frame.html), so that URL must be the host's /embed.js
 * (or /v1/embed.js):
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
  return EMBED_PATHS.includes(path) ? undefined : messages.notEmbedPath(src, host);
}
