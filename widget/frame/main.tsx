import '../view/widget.css';
import { render } from 'preact';
import { createApiClient } from '../api';
import { createTranslator, en, loadMessages } from '../i18n';
import { createVerificationFlow } from '../model';
import { App, Notice } from '../view';
import { observeHeight } from './observe-height';
import { createParentChannel } from './parent-channel';
import { verifiedParentOrigin } from './parent-origin';
import { readConfig } from './read-config';
import { readTheme } from './read-theme';
import { reportFlow } from './report-flow';

/** The composition root of frame.html: config → language → model → view → parent channel. */
async function start(root: HTMLElement) {
  const html = document.documentElement;
  const theme = readTheme(location.search);
  if (theme !== 'auto') html.dataset.theme = theme;

  const config = readConfig(document);
  if (!config) {
    html.lang = 'en';
    render(<Notice text={en['app.startFailed']} />, root);
    return;
  }

  const { lang, messages } = await loadMessages(config.lang);
  const t = createTranslator(messages);
  html.lang = lang;
  document.title = t('app.title');

  const parentOrigin = verifiedParentOrigin({
    claimed: config.parentOrigin,
    topLevel: window.parent === window,
    ancestorOrigins: location.ancestorOrigins,
  });
  // A refused frame says why in plain words and posts nothing: its parent is not one we may talk to.
  const refusal = config.refusal ?? (parentOrigin === null ? 'ORIGIN_NOT_ALLOWED' : null);
  if (refusal) {
    render(<Notice heading={t('refusal.heading')} text={t(`refusal.${refusal}`)} />, root);
    return;
  }

  const flow = createVerificationFlow({ api: createApiClient(), provider: config.provider.id, nonce: config.nonce });
  const channel = createParentChannel({
    win: window,
    parentOrigin,
    instance: config.instance,
    onReset: flow.reset,
  });
  render(<App flow={flow} t={t} lang={lang} provider={config.provider} />, root);
  channel.post('ready', {});
  observeHeight(html, (height) => channel.post('resize', { height }));
  reportFlow(flow, channel.post);
}

const root = document.getElementById('app');
if (root) void start(root);
