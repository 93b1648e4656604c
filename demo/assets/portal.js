// A portal that embeds the frame itself (no embed.js) and follows protocol v1's receive order:
// event.source, then shape, then exact origin. Anything else is ignored.
const root = document.querySelector('main[data-host]');
const host = root.dataset.host;
const hostOrigin = new URL(host).origin;
const frame = document.querySelector('.portal-frame');
const log = document.querySelector('.portal-log');
const instance = 'portal-1';

const params = new URLSearchParams({
  provider: root.dataset.provider,
  origin: location.origin,
  lang: document.documentElement.lang || 'en',
  instance,
});
frame.src = `${host}/frame.html?${params}`;

const isMessage = (data) =>
  typeof data === 'object' &&
  data !== null &&
  data.ns === 'kycvs' &&
  data.v === 1 &&
  data.instance === instance &&
  typeof data.type === 'string' &&
  typeof data.data === 'object';

window.addEventListener('message', (event) => {
  if (event.source !== frame.contentWindow) return;
  if (!isMessage(event.data)) return;
  if (event.origin !== hostOrigin) return;
  const { type, data } = event.data;
  if (type === 'resize') frame.height = String(Math.min(Math.max(data.height, 120), 4000));
  const item = document.createElement('li');
  item.dataset.type = type;
  const label = document.createElement('strong');
  label.textContent = type;
  const body = document.createElement('code');
  body.textContent = JSON.stringify(data);
  item.append(label, ' ', body);
  log.append(item);
});

document.querySelector('.portal-reset').addEventListener('click', () => {
  frame.contentWindow.postMessage({ ns: 'kycvs', v: 1, instance, type: 'reset', data: {} }, hostOrigin);
});
