// The snippet a provider pastes, for each embedding style, as text. Every value comes from the
// builder's fixed choices, but is escaped anyway: a snippet must stay valid HTML whatever it holds.

const entities = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const escapeHtml = (text) => String(text).replace(/[&<>"']/g, (ch) => entities[ch]);
const attr = (name, value) => (value ? ` ${name}="${escapeHtml(value)}"` : '');

/** The id a direct-iframe page gives its widget, echoed in every message. */
export const IFRAME_INSTANCE = 'kycvs-1';

/**
 * `HOST/frame.html?…` as a portal writes it (see docs/portals.md). `theme` is left out at its
 * default, `auto`.
 */
export function frameSrc(host, pageOrigin, { provider, lang, theme }) {
  const params = new URLSearchParams({ provider, origin: pageOrigin, lang, instance: IFRAME_INSTANCE });
  if (theme !== 'auto') params.set('theme', theme);
  return `${host}/frame.html?${params}`;
}

const scriptTag = (host) => `<script src="${host}/embed.js" async></script>`;

function divSnippet(host, { provider, lang, theme }) {
  const themeAttr = theme === 'auto' ? '' : attr('data-theme', theme);
  return `${scriptTag(host)}
<div class="kycvs"${attr('data-provider', provider)}${attr('data-lang', lang)}${themeAttr}></div>`;
}

function elementSnippet(host, { provider, lang, theme }) {
  const themeAttr = theme === 'auto' ? '' : attr('theme', theme);
  return `${scriptTag(host)}
<kycvs-verify${attr('provider', provider)}${attr('lang', lang)}${themeAttr}></kycvs-verify>`;
}

function jsSnippet(host, { provider, lang, theme }) {
  const themeLine = theme === 'auto' ? '' : `\n    theme: '${theme}',`;
  return `<div id="kycvs"></div>
<script src="${host}/embed.js"></script>
<script>
  const handle = KYCVS.render('#kycvs', {
    provider: '${provider}',
    lang: '${lang}',${themeLine}
    onResult(result) {
      // result.status is for the screen; send result.token to your server, which checks it.
    },
    onError(error) {
      console.warn('[kycvs]', error.code, error.message);
    },
  });
  // handle.reset() starts again for the next person; handle.destroy() removes the widget.
</script>`;
}

function iframeSnippet(host, pageOrigin, choices) {
  const src = escapeHtml(frameSrc(host, pageOrigin, choices));
  return `<iframe id="kycvs-frame" title="Know Your Vaccination Status" allow="otp-credentials"
  style="display:block;width:100%;border:0" height="360"
  src="${src}"></iframe>
<script>
  // Protocol v1 (docs/portals.md): check the source, then the shape, then the exact origin.
  const frame = document.getElementById('kycvs-frame');
  addEventListener('message', (event) => {
    if (event.source !== frame.contentWindow) return;
    const m = event.data;
    if (typeof m !== 'object' || m === null || m.ns !== 'kycvs' || m.v !== 1) return;
    if (typeof m.data !== 'object' || m.data === null) return;
    if (event.origin !== '${host}' || m.instance !== '${IFRAME_INSTANCE}') return;
    if (m.type === 'ready' && typeof m.data.title === 'string') frame.title = m.data.title;
    if (m.type === 'resize') frame.height = String(Math.min(Math.max(Math.ceil(m.data.height), 100), 4000));
    if (m.type === 'result') {
      // m.data.status is for the screen; send m.data.token to your server, which checks it.
    }
  });
</script>`;
}

/** The snippet for `choices` ({ provider, lang, theme, style }). */
export function snippet(host, pageOrigin, choices) {
  switch (choices.style) {
    case 'element':
      return elementSnippet(host, choices);
    case 'js':
      return jsSnippet(host, choices);
    case 'iframe':
      return iframeSnippet(host, pageOrigin, choices);
    default:
      return divSnippet(host, choices);
  }
}
