import '../view/widget.css';
import { effect } from '@preact/signals';
import { hydrate, render, type VNode } from 'preact';
import { createApiClient, loadAnswers } from '../api/client';
import { createLocale, en, loadMessages } from '../i18n';
import { createVerificationFlow } from '../model';
// Not '../share': that would bring the share button and its drawing into the first load.
import { enableShare } from '../share/share-context';
import { App, laterSteps, Notice } from '../view';
import { afterFirstPaint } from './after-paint';
import { observeHeight } from './observe-height';
import { createParentChannel } from './parent-channel';
import { adoptTyped, isPrerendered, takeOver } from './prerendered';
import { verifiedParentOrigin } from './parent-origin';
import { readConfig } from './read-config';
import { readAccent, readTheme } from './read-theme';
import { reportFlow } from './report-flow';
import { shownError } from './shown-error';
import { withParentOrigin } from './web-otp-parent';

/** The composition root of frame.html: config → language → model → view → parent channel. */
async function start(root: HTMLElement) {
  const html = document.documentElement;
  // The host's render of the details step (docs/architecture.md, "The first paint"): kept and
  // hydrated when this script shows the same step, replaced when it shows anything else.
  const prerendered = isPrerendered(root);
  const show = (view: VNode) => {
    if (prerendered) root.replaceChildren();
    render(view, root);
  };
  const theme = readTheme(location.search);
  if (theme !== 'auto') html.dataset.theme = theme;
  const accent = readAccent(location.search);
  // Its own chunk, fetched while the language loads: only a page that gives an accent pays for it.
  const accented =
    accent &&
    import('../theme').then(
      (m) => m.applyAccent(html.style, accent),
      () => {},
    );

  const config = readConfig(document);
  if (!config) {
    html.lang = 'en';
    show(<Notice text={en['app.startFailed']} />);
    return;
  }

  const locale = createLocale(await loadMessages(config.lang));
  const { t } = locale.current.value;
  // The frame's <html lang> and title follow the language, also when the picker changes it.
  effect(() => {
    const now = locale.current.value;
    html.lang = now.lang;
    document.title = now.t('app.title');
  });

  const parentOrigin = verifiedParentOrigin({
    claimed: config.parentOrigin,
    topLevel: window.parent === window,
    ancestorOrigins: location.ancestorOrigins,
  });
  // CoWIN's own page and redirect mode's are top-level by design: there, having no parent is no refusal.
  const standalone = !!config.standalone && window.parent === window;
  const redirect = window.parent === window ? config.redirect : undefined;
  // A refused frame says why in plain words and posts nothing: its parent is not one we may talk to.
  const refusal = config.refusal ?? (parentOrigin === null && !standalone && !redirect ? 'ORIGIN_NOT_ALLOWED' : null);
  if (refusal) {
    show(<Notice heading={t('refusal.heading')} text={t(`refusal.${refusal}`)} />);
    return;
  }

  let api = withParentOrigin(createApiClient(), parentOrigin);
  if (redirect) {
    // Its own chunk (docs/redirect.md): the banner with Cancel, and the client that returns with the code.
    const mode = await import('../redirect').catch(() => undefined);
    if (!mode) {
      show(<Notice text={t('app.startFailed')} />);
      return;
    }
    api = mode.startRedirect({ root, speech: locale.current, api, redirect, providerName: config.provider.name });
  }
  const flow = createVerificationFlow({
    api,
    provider: config.provider.id,
    nonce: config.nonce,
    action: config.action,
  });
  const channel = createParentChannel({
    win: window,
    parentOrigin,
    instance: config.instance,
    onReset: flow.reset,
  });
  if (standalone)
    await import('../standalone').then(
      (s) => s.showStandaloneIntro(root, locale.current),
      () => {},
    );
  // The first paint is in the provider's colours, not the default's for a moment.
  await accented;
  enableShare(!!config.share);
  // On CoWIN's own page the answer goes to no provider: its consent says so instead of naming one.
  const app = <App flow={flow} locale={locale} provider={standalone ? null : config.provider} />;
  // The host prerenders the plain frame and CoWIN's own page, never redirect mode (its bar comes first).
  if (prerendered) {
    adoptTyped(root, flow);
    hydrate(app, root);
    takeOver(root);
  } else render(app, root);
  // The title, in the language shown, names the loader's iframe for screen readers.
  channel.post('ready', { title: t('app.title') });
  observeHeight(html, (height) => channel.post('resize', { height }));
  reportFlow({ ...flow, error: shownError(flow, laterSteps.failure) }, channel.post);
  afterFirstPaint(() => {
    // The answers' parser, fetched while the person types, so that the first request does not wait;
    // after the first paint, which does not need it.
    loadAnswers().catch(() => {});
    if ('OTPCredential' in window) {
      // Its own chunk: only browsers with WebOTP fetch it.
      void import('./web-otp').then((w) => w.watchWebOtp(flow, navigator.credentials as never));
    }
  });
}

/**
 * A frame that cannot start says so in plain words, never a blank frame or a form that does nothing:
 * the host's notice (in the page's language) replaces whatever is in `#app`. frame.html's inline
 * script does the same when this script cannot be fetched at all.
 */
function showStartFailed(root: HTMLElement) {
  const notice = document.getElementById('kycvs-start-failed');
  if (notice) {
    root.hidden = true;
    notice.hidden = false;
  } else render(<Notice text={en['app.startFailed']} />, root);
}

const root = document.getElementById('app');
// Only before the widget is on screen: an error once it runs is the flow's to show, not a reason to hide it.
if (root) start(root).catch(() => (isPrerendered(root) || !root.hasChildNodes()) && showStartFailed(root));
