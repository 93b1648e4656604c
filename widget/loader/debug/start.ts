import type { DebugFact, DebugQueue } from '../debug-hook';
import { fetchEmbedCheck, reportEmbedCheck } from './embed-check';
import { messages } from './messages';
import { checkPage, frameInstance, hasContainers, writtenFrameProblems } from './page-check';
import { createSay } from './say';
import { scriptProblem } from './script-check';
import { writtenFrame } from '../written-frame';

/**
 * Debug mode: reads the facts the loader has queued, and each later one, and explains in the
 * console what it finds. Loaded only when a page asks for it (`data-debug`, `debug: true`).
 */
export function startDebug(queue: DebugQueue): void {
  const say = createSay(console);
  const hosts = new Set<string>();
  /** One embed-check per host and provider: true when both the provider and this page are registered. */
  const checks = new Map<string, Promise<boolean>>();
  let scriptChecked = false;
  let rendered = false;

  const check = (provider: string, host: string): Promise<boolean> => {
    const key = host + ' ' + provider;
    let registered = checks.get(key);
    if (!registered) {
      const origin = location.origin;
      registered = fetchEmbedCheck(fetch, host, provider, origin).then((answer) =>
        reportEmbedCheck(say, answer, { provider, origin, host }),
      );
      checks.set(key, registered);
    }
    return registered;
  };

  const onScript = (script: HTMLScriptElement | null, host: string) => {
    if (scriptChecked) return;
    scriptChecked = true;
    hosts.add(host);
    const problem = scriptProblem(script?.src, host);
    if (problem) say('warn', problem);
    if (script?.closest('.kycvs,kycvs-verify')) say('info', messages.scriptInsideContainer());
  };

  const onRender = (target: Element | string, container: Element | null, provider: string, host: string) => {
    rendered = true;
    hosts.add(host);
    checkPage(document, say);
    if (!container) return say('warn', messages.containerNotFound(String(target)));
    if (typeof target === 'string') {
      const count = document.querySelectorAll(target).length;
      if (count > 1) say('warn', messages.severalMatch(target, count));
    }
    // Without a provider, checkPage has said why.
    if (!provider) return;
    // After render() has run (this fact comes at its start, and is heard at once when this script
    // is already loaded): the frame in the container is then the one the page wrote and the loader
    // adopted, or the loader's own (of this render or, when this script came late, of a later one),
    // which writtenFrameProblems leaves alone.
    const frameIn = () => writtenFrame(container);
    queueMicrotask(() => {
      const frame = frameIn();
      const problems = frame ? writtenFrameProblems(frame.src, provider, location.origin, host) : [];
      for (const problem of problems) say('warn', problem);
    });
    if (location.origin === 'null') return say('warn', messages.nullOrigin());
    void check(provider, host).then((registered) => {
      if (!registered) return;
      // Registered, yet no `ready` within 10 s: the network, or the page's own CSP.
      container.addEventListener('kycvs:error', (event) => {
        if ((event as CustomEvent<{ code?: string }>).detail?.code === 'FRAME_TIMEOUT') {
          say('warn', messages.registeredButSilent(provider, host));
          // Or a frame the page wrote with an instance, which the loader speaks to as '' and never hears.
          const instance = frameInstance(frameIn()?.src ?? '');
          if (instance) say('warn', messages.writtenInstance(instance));
        }
      });
    });
  };

  const onFact = (fact: DebugFact) => {
    if (fact[0] === 'script') onScript(fact[1], fact[2]);
    else onRender(fact[1], fact[2], fact[3], fact[4]);
  };

  // The page's own Content-Security-Policy can refuse the frame (frame-src). The refusal may come
  // before this script has loaded: a buffered ReportingObserver hands over earlier ones too, where
  // there is one (Chromium); the event covers the rest.
  const onViolation = (directive: string, url: string) => {
    if ([...hosts].some((host) => url.startsWith(host))) say('warn', messages.cspBlocked(directive, url));
  };
  document.addEventListener('securitypolicyviolation', (event) =>
    onViolation(event.effectiveDirective, event.blockedURI),
  );
  if (typeof ReportingObserver === 'function') {
    new ReportingObserver(
      (reports) => {
        for (const { body } of reports) {
          const { effectiveDirective, blockedURL } = (body ?? {}) as {
            effectiveDirective?: string;
            blockedURL?: string;
          };
          if (effectiveDirective && blockedURL) onViolation(effectiveDirective, blockedURL);
        }
      },
      { types: ['csp-violation'], buffered: true },
    ).observe();
  }

  queue.forEach(onFact);
  queue.push = (...facts) => {
    facts.forEach(onFact);
    return queue.length;
  };

  // Once the page is parsed: containers that cannot render, and none at all.
  const whenParsed = () => {
    checkPage(document, say);
    if (!rendered && !hasContainers(document)) say('info', messages.noContainers());
  };
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', whenParsed);
  else whenParsed();
}
