// The snippet builder: the form's choices give a live preview (the real embed.js and frame from the
// host) and the snippet to copy. Each change removes the previous preview completely before the
// next one is made, as a page that swaps widgets should.
import { frameSrc, IFRAME_INSTANCE, snippet, writtenFrame } from './snippets.js';

const root = document.querySelector('main[data-host]');
const host = new URL(root.dataset.host).origin;
const form = document.querySelector('.builder-form');
const preview = document.querySelector('.builder-preview');
const code = document.querySelector('.builder-snippet');
const note = document.querySelector('.builder-note');
const reactNote = document.querySelector('.builder-react-note');
const copyButton = document.querySelector('.builder-copy');
const copied = document.querySelector('.builder-copied');

/** Undoes the current preview: the handle's destroy(), or removing what was added. */
let teardown = () => {};

/** A text field's value when the browser finds it valid (its `pattern`), else ''. */
function validText(name) {
  const input = form.elements.namedItem(name);
  return input.checkValidity() ? input.value.trim() : '';
}

/** The origin typed for the page the snippet is for, as the browser writes it; else this page's. */
function pageOrigin() {
  const typed = validText('pageOrigin');
  try {
    return typed ? new URL(typed).origin : location.origin;
  } catch {
    return location.origin;
  }
}

function choices() {
  const data = new FormData(form);
  return {
    provider: data.get('provider'),
    lang: data.get('lang'),
    theme: data.get('theme'),
    style: data.get('style'),
    action: validText('action'),
    expiredCallback: validText('expiredCallback'),
  };
}

/** KYCVS.render()'s options for the choices; an empty action is left out. */
const renderOptions = ({ provider, lang, theme, action }) => ({ provider, lang, theme, ...(action ? { action } : {}) });

/**
 * Script tag + div: the div as a page would hold it, rendered with the same options embed.js reads
 * from it. `inside` is the markup the page writes into it: the frame, for the style that writes it
 * in (embed.js then adopts that frame rather than making one).
 */
function previewDiv(chosen, inside = '') {
  const div = document.createElement('div');
  div.className = 'kycvs';
  Object.assign(div.dataset, renderOptions(chosen));
  // The same markup the snippet holds; every value in it is escaped (snippets.js).
  div.innerHTML = inside;
  // Rendered before it is attached, so embed.js never finds an unrendered .kycvs to render twice.
  const handle = window.KYCVS.render(div, renderOptions(chosen));
  preview.append(div);
  return () => {
    handle.destroy();
    div.remove();
  };
}

/** <kycvs-verify>: renders when attached; removing it destroys the widget. */
function previewElement(chosen) {
  const element = document.createElement('kycvs-verify');
  for (const [name, value] of Object.entries(renderOptions(chosen))) element.setAttribute(name, value);
  preview.append(element);
  return () => element.remove();
}

function previewJs(chosen) {
  const slot = document.createElement('div');
  preview.append(slot);
  const handle = window.KYCVS.render(slot, renderOptions(chosen));
  return () => {
    handle.destroy();
    slot.remove();
  };
}

/** A direct iframe, with the listener a portal writes (the snippet's own). */
function previewIframe(options) {
  const frame = document.createElement('iframe');
  frame.title = 'Know Your Vaccination Status';
  frame.allow = 'otp-credentials';
  frame.height = '360';
  frame.src = frameSrc(host, location.origin, options);
  const onMessage = (event) => {
    if (event.source !== frame.contentWindow) return;
    const m = event.data;
    if (typeof m !== 'object' || m === null || m.ns !== 'kycvs' || m.v !== 1) return;
    if (typeof m.data !== 'object' || m.data === null) return;
    if (event.origin !== host || m.instance !== IFRAME_INSTANCE) return;
    if (m.type === 'ready' && typeof m.data.title === 'string') frame.title = m.data.title;
    if (m.type === 'resize') frame.height = String(Math.min(Math.max(Math.ceil(m.data.height), 100), 4000));
  };
  addEventListener('message', onMessage);
  preview.append(frame);
  return () => {
    removeEventListener('message', onMessage);
    frame.remove();
  };
}

// React: the same widget, rendered as <KycvsVerify> renders it (kycvs/react calls render()); the
// demo's /react page shows the component itself in a React app.
const previews = {
  script: previewDiv,
  written: (chosen) => previewDiv(chosen, writtenFrame(host, location.origin, chosen)),
  element: previewElement,
  js: previewJs,
  iframe: previewIframe,
  react: previewJs,
};

function update() {
  const chosen = choices();
  teardown();
  // Until the new preview stands, there is nothing to undo (a failed render leaves nothing behind).
  teardown = () => {};
  try {
    teardown = previews[chosen.style](chosen);
  } catch (error) {
    preview.textContent = `The preview could not be made (${error.message}). Is ${host}/embed.js reachable?`;
    teardown = () => preview.replaceChildren();
  }
  preview.dataset.style = chosen.style;
  code.textContent = snippet(host, pageOrigin(), chosen);
  note.hidden = chosen.style !== 'iframe' && chosen.style !== 'written';
  reactNote.hidden = chosen.style !== 'react';
  copied.textContent = '';
}

/** The Clipboard API where the page may use it; else the text is selected for Ctrl+C. */
async function copy() {
  const text = code.textContent;
  try {
    await navigator.clipboard.writeText(text);
    copied.textContent = 'Copied.';
  } catch {
    const range = document.createRange();
    range.selectNodeContents(code);
    getSelection().removeAllRanges();
    getSelection().addRange(range);
    let done = false;
    try {
      done = document.execCommand('copy');
    } catch {
      // Not supported: the selection stays for the person to copy.
    }
    copied.textContent = done ? 'Copied.' : 'The snippet is selected: press Ctrl+C (⌘C on a Mac) to copy it.';
  }
}

form.addEventListener('change', update);
// A text field that is not yet valid is left out of the snippet and the preview until it is.
form.addEventListener('submit', (event) => event.preventDefault());
copyButton.addEventListener('click', copy);
update();
