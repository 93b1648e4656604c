/** The protocol's ceiling for a `resize` height. */
const MAX_HEIGHT = 100_000;

/** How long the frame hides a scrollbar while it waits for the page to grow the iframe. */
const GROW_GRACE_MS = 500;

type View = Pick<Window, 'getComputedStyle'>;

const px = (value: string) => parseFloat(value) || 0;

/**
 * The height of the document's content in CSS pixels, rounded up so that the frame never clips a
 * last pixel row: the bottom of the lowest box in `<body>` (margin included), plus what `<body>` and
 * `<html>` put below it. Not the height of `<html>` or `scrollHeight`: those grow with the viewport
 * whenever the body is viewport-tall (`min-height: 100vh`, `height: 100%`), and a frame that reports
 * its viewport's height plus a margin makes the page grow the iframe, which grows the viewport,
 * without end. Fixed boxes sit on the viewport, not in the content, and are left out.
 */
export function contentHeight(doc: Document, view: View): number {
  const html = doc.documentElement;
  const body = doc.body;
  const top = html.getBoundingClientRect().top;
  if (!body) return Math.ceil(html.getBoundingClientRect().height);
  let bottom = -Infinity;
  for (const child of Array.from(body.children)) {
    const style = view.getComputedStyle(child);
    if (style.position === 'fixed' || style.display === 'none') continue;
    bottom = Math.max(bottom, child.getBoundingClientRect().bottom + px(style.marginBottom));
  }
  const b = view.getComputedStyle(body);
  const h = view.getComputedStyle(html);
  // An empty body: its own top edge, where its content would start.
  if (bottom === -Infinity) bottom = body.getBoundingClientRect().top + px(b.paddingTop) + px(b.borderTopWidth);
  const below =
    px(b.paddingBottom) + px(b.borderBottomWidth) + px(b.marginBottom) + px(h.paddingBottom) + px(h.borderBottomWidth);
  return Math.min(MAX_HEIGHT, Math.ceil(bottom + below - top));
}

/**
 * Calls `onHeight` with the content's height (contentHeight) whenever it changes: at most once per
 * animation frame, since ResizeObserver delivers its entries together before each paint. Returns a
 * function that stops watching. `root` is the document's `<html>`.
 *
 * While the page has not yet grown the iframe to a new, taller height, the frame hides its
 * vertical scrollbar: otherwise one would flash for a frame or two, narrow the content, re-wrap
 * its lines, and report a height that is wrong the moment it goes. If the iframe has not grown
 * within GROW_GRACE_MS (a portal that does not resize it, or a height beyond the loader's clamp),
 * the scrollbar comes back, so that all the content can still be reached (at 200 % zoom too).
 */
export function observeHeight(root: Element, onHeight: (height: number) => void): () => void {
  const doc = root.ownerDocument;
  const view = doc.defaultView!;
  const style = (root as HTMLElement).style;
  let last = -1;
  let grace: ReturnType<typeof setTimeout> | undefined;
  // False once the page has let a grace period pass without resizing the iframe; true again when it
  // does resize it. Without it, a page that never resizes would see the scrollbar come and go.
  // Opened on its own (not in an iframe), nothing will resize the frame: scroll as any page does.
  let patient = view.parent !== view;

  const showScrollbar = () => {
    clearTimeout(grace);
    style.overflowY = '';
  };
  const measure = () => {
    const height = contentHeight(doc, view);
    if (height <= view.innerHeight) {
      showScrollbar();
    } else if (patient) {
      style.overflowY = 'hidden';
      clearTimeout(grace);
      grace = setTimeout(() => {
        patient = false;
        showScrollbar();
      }, GROW_GRACE_MS);
    }
    if (height === last) return;
    last = height;
    onHeight(height);
  };
  const onViewportResize = () => {
    patient = view.parent !== view;
    measure();
  };

  const resizes = new ResizeObserver(measure);
  const watch = (el: Element) => resizes.observe(el);
  watch(root);
  if (doc.body) {
    watch(doc.body);
    Array.from(doc.body.children).forEach(watch);
  }
  // A box added to <body> later (a dialog, say) counts too.
  const added = new MutationObserver((records) => {
    for (const record of records) record.addedNodes.forEach((node) => node.nodeType === 1 && watch(node as Element));
  });
  if (doc.body) added.observe(doc.body, { childList: true });
  // The viewport reaching the content's height is the page's answer: the scrollbar may come back.
  view.addEventListener('resize', onViewportResize);

  return () => {
    resizes.disconnect();
    added.disconnect();
    view.removeEventListener('resize', onViewportResize);
    showScrollbar();
  };
}
