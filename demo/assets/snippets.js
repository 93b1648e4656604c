// The snippet a provider pastes, for each embedding style, as text. Every value comes from the
// builder's fixed choices, but is escaped anyway: a snippet must stay valid HTML whatever it holds.

const entities = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const escapeHtml = (text) => String(text).replace(/[&<>"']/g, (ch) => entities[ch]);
const attr = (name, value) => (value ? ` ${name}="${escapeHtml(value)}"` : '');

/** The id a direct-iframe page gives its widget, echoed in every message. */
export const IFRAME_INSTANCE = 'kycvs-1';

/**
 * `HOST/frame.html?…` as a portal writes it (see docs/portals.md). `theme` is left out at its
 * default, `auto`; `action` when there is none.
 */
export function frameSrc(host, pageOrigin, { provider, lang, theme, action }, instance = IFRAME_INSTANCE) {
  const params = new URLSearchParams({ provider, origin: pageOrigin, lang });
  // A frame written for embed.js to adopt has none: the loader speaks to it with the default, ''.
  if (instance) params.set('instance', instance);
  if (theme !== 'auto') params.set('theme', theme);
  if (action) params.set('action', action);
  return `${host}/frame.html?${params}`;
}

/** The expired callback's stub, for the no-code styles that name one. */
const expiredStub = (name) =>
  name
    ? `
<script>
  // Called when the result expires: the form's hidden kycvs-token is empty again.
  function ${name}() {}
</script>`
    : '';

const scriptTag = (host) => `<script src="${host}/embed.js" async></script>`;

/** The attributes of the no-code styles, `data-` prefixed on a div, plain on the element. */
function attributes(prefix, { provider, lang, theme, action, expiredCallback }) {
  return (
    attr(prefix + 'provider', provider) +
    attr(prefix + 'lang', lang) +
    (theme === 'auto' ? '' : attr(prefix + 'theme', theme)) +
    attr(prefix + 'action', action) +
    attr(prefix + 'expired-callback', expiredCallback)
  );
}

function divSnippet(host, choices) {
  return `${scriptTag(host)}
<div class="kycvs"${attributes('data-', choices)}></div>${expiredStub(choices.expiredCallback)}`;
}

/**
 * The frame written into the div, for embed.js to adopt (docs/portals.md, "The frame written into
 * the page"): as the loader would make it, but requested with the page itself.
 */
export function writtenFrame(host, pageOrigin, choices) {
  const src = escapeHtml(frameSrc(host, pageOrigin, choices, ''));
  return `<iframe title="Know Your Vaccination Status" allow="otp-credentials; web-share"
    style="display:block;width:100%;border:0;height:360px"
    src="${src}"></iframe>`;
}

/** The div with its frame already in it, then the script tag. */
function writtenSnippet(host, pageOrigin, choices) {
  return `<div class="kycvs"${attributes('data-', choices)}>
  ${writtenFrame(host, pageOrigin, choices)}
</div>
${scriptTag(host)}${expiredStub(choices.expiredCallback)}`;
}

function elementSnippet(host, choices) {
  return `${scriptTag(host)}
<kycvs-verify${attributes('', choices)}></kycvs-verify>${expiredStub(choices.expiredCallback)}`;
}

function jsSnippet(host, { provider, lang, theme, action }) {
  const themeLine = theme === 'auto' ? '' : `\n    theme: '${theme}',`;
  const actionLine = action ? `\n    action: '${action}',` : '';
  return `<div id="kycvs"></div>
<script src="${host}/embed.js"></script>
<script>
  const handle = KYCVS.render('#kycvs', {
    provider: '${provider}',
    lang: '${lang}',${themeLine}${actionLine}
    onResult(result) {
      // result.status is for the screen; send result.token to your server, which checks it.
    },
    onError(error) {
      // error.ref is the support reference the widget showed: log it with your own records.
      console.warn('[kycvs]', error.code, error.message, error.ref);
    },
    onExpired() {
      // The token has expired (5 minutes): forget it; the widget offers to verify again.
    },
    onEvent(event) {
      // ready, step, otp_sent, otp_resent, error, expired, abandoned: no personal data.
    },
  });
  // handle.reset() starts again for the next person; handle.destroy() removes the widget.
</script>`;
}

/** kycvs/react's component (docs/react.md): values as JSX string attributes, from the fixed choices. */
function reactSnippet(host, { provider, lang, theme, action }) {
  const themeLine = theme === 'auto' ? '' : `\n      theme="${theme}"`;
  const actionLine = action ? `\n      action="${action}"` : '';
  return `// npm install kycvs
import { KycvsVerify } from 'kycvs/react';

export function VaccinationCheck() {
  return (
    <KycvsVerify
      host="${host}"
      provider="${provider}"
      lang="${lang}"${themeLine}${actionLine}
      onResult={(result) => {
        // result.status is for the screen; send result.token to your server, which checks it.
      }}
      onError={(error) => console.warn('[kycvs]', error.code, error.message, error.ref)}
      onExpired={() => {
        // The token has expired (5 minutes): forget it; the widget offers to verify again.
      }}
    />
  );
}
// For the widget's state in your form (state, result, error, reset): useKycvs(), docs/react.md.`;
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
    if (m.type === 'expired') {
      // The token has expired: forget it; the widget offers to verify again.
    }
    if (m.type === 'event') {
      // m.data.type: otp_sent, otp_resent, error (with m.data.code) or expired.
    }
  });
</script>`;
}

/** The snippet for `choices` ({ provider, lang, theme, style, action, expiredCallback }). */
export function snippet(host, pageOrigin, choices) {
  switch (choices.style) {
    case 'written':
      return writtenSnippet(host, pageOrigin, choices);
    case 'element':
      return elementSnippet(host, choices);
    case 'js':
      return jsSnippet(host, choices);
    case 'iframe':
      return iframeSnippet(host, pageOrigin, choices);
    case 'react':
      return reactSnippet(host, choices);
    default:
      return divSnippet(host, choices);
  }
}
