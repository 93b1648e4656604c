import { messages } from './messages';
import type { Say } from './say';

/** Containers that cannot render: no provider id (or an empty one). */
const WITHOUT_PROVIDER =
  '.kycvs:not([data-provider]),.kycvs[data-provider=""],kycvs-verify:not([provider]),kycvs-verify[provider=""]';

const CONTAINERS = '.kycvs,kycvs-verify';

/** The values that occur more than once, with how often. */
export function repeated(values: Iterable<string>): [string, number][] {
  const counts = new Map<string, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return [...counts].filter(([, count]) => count > 1);
}

/** The `instance` of a kycvs frame URL, or undefined for any other URL. */
export function frameInstance(src: string): string | undefined {
  try {
    const url = new URL(src);
    const params = url.searchParams;
    return url.pathname === '/frame.html' && params.has('provider') && params.has('origin')
      ? (params.get('instance') ?? '')
      : undefined;
  } catch {
    return undefined;
  }
}

/**
 * What is wrong with a frame the page wrote into a container (docs/portals.md, "The frame written
 * into the page"), given its `src`, the container's provider, the page's origin and the host
 * embed.js came from: the loader adopts it unread. Nothing for the loader's own frames.
 */
export function writtenFrameProblems(src: string, provider: string, pageOrigin: string, host: string): string[] {
  const instance = frameInstance(src);
  if (instance === undefined) return [messages.foreignFrameInContainer(src)];
  // One with an instance is the loader's own, always right, or written with one; the second is
  // told apart when it has not said ready in time (writtenInstance, from start.ts).
  if (instance !== '') return [];
  const url = new URL(src);
  const params = url.searchParams;
  const problems: string[] = [];
  if (url.origin !== host) problems.push(messages.writtenFrameMismatch('host', url.origin, host));
  const origin = params.get('origin') ?? '';
  if (origin !== pageOrigin) problems.push(messages.writtenFrameMismatch('origin', origin, pageOrigin));
  const written = params.get('provider') ?? '';
  if (provider && written !== provider) problems.push(messages.writtenFrameMismatch('provider', written, provider));
  return problems;
}

/** Mistakes visible in the page itself: containers without a provider, ids and instances used twice. */
export function checkPage(doc: Document, say: Say): void {
  doc.querySelectorAll(WITHOUT_PROVIDER).forEach((el) => {
    const custom = el.localName === 'kycvs-verify';
    if (custom && el.hasAttribute('data-provider')) say('warn', messages.dataProviderOnElement());
    else if (!custom && el.hasAttribute('provider')) say('warn', messages.plainProviderOnDiv());
    else say('warn', messages.noProvider(custom ? '<kycvs-verify>' : 'class="kycvs"'));
  });

  const ids = [...doc.querySelectorAll('.kycvs[id],kycvs-verify[id]')].map((el) => el.id);
  for (const [id, count] of repeated(ids)) say('warn', messages.duplicateId(id, count));

  // Frames in containers are the loader's, which tells them apart by their windows, not instances.
  const loose = [...doc.querySelectorAll('iframe')].filter((frame) => !frame.closest(CONTAINERS));
  const instances = loose.map((frame) => frameInstance(frame.src));
  const ours = instances.filter((instance): instance is string => instance !== undefined);
  for (const [instance, count] of repeated(ours)) say('warn', messages.duplicateInstance(instance, count));
}

/** True when the page holds any kycvs container. */
export const hasContainers = (doc: Document): boolean => !!doc.querySelector(CONTAINERS);
