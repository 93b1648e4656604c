import { expect, test } from 'vitest';
import { contentHeight } from './observe-height';

interface Box {
  top?: number;
  bottom?: number;
  height?: number;
  style?: Partial<CSSStyleDeclaration>;
}

/** A document of plain objects: html, body and body's children, each with a box and a computed style. */
function fakeDocument(html: Box, body: Box | null, children: Box[]) {
  const el = (box: Box, extra: object = {}) => ({
    box,
    getBoundingClientRect: () => ({ top: box.top ?? 0, bottom: box.bottom ?? 0, height: box.height ?? 0 }),
    ...extra,
  });
  const kids = children.map((box) => el(box));
  const doc = {
    documentElement: el(html),
    body: body && el(body, { children: kids }),
  } as unknown as Document;
  const view = {
    getComputedStyle: (element: { box: Box }) => ({
      position: 'static',
      display: 'block',
      marginBottom: '0px',
      paddingTop: '0px',
      paddingBottom: '0px',
      borderTopWidth: '0px',
      borderBottomWidth: '0px',
      ...element.box.style,
    }),
  } as unknown as Window;
  return { doc, view };
}

test('is the bottom of the lowest box in the body, with its margin and what body puts below', () => {
  const { doc, view } = fakeDocument(
    { top: 0, height: 900 },
    { style: { paddingBottom: '8px', marginBottom: '4px' } },
    [{ bottom: 300 }, { bottom: 412.2, style: { marginBottom: '16px' } }],
  );
  expect(contentHeight(doc, view)).toBe(Math.ceil(412.2 + 16 + 8 + 4));
});

test('does not follow a viewport-tall body or html, which would grow without end', () => {
  // body { min-height: 100vh; padding-bottom: 20px } in a 600px viewport: html and body are 620 tall.
  const { doc, view } = fakeDocument({ top: 0, height: 620 }, { bottom: 620, style: { paddingBottom: '20px' } }, [
    { bottom: 360 },
  ]);
  expect(contentHeight(doc, view)).toBe(380);
});

test('leaves out fixed and hidden boxes, and counts from the top of the document when scrolled', () => {
  const { doc, view } = fakeDocument({ top: -100, height: 1000 }, {}, [
    { bottom: 250 },
    { bottom: 600, style: { position: 'fixed' } },
    { bottom: 900, style: { display: 'none' } },
  ]);
  expect(contentHeight(doc, view)).toBe(350);
});

test('an empty body is as tall as what sits above its content', () => {
  const { doc, view } = fakeDocument({ top: 0, height: 300 }, { top: 10, style: { paddingTop: '6px' } }, []);
  expect(contentHeight(doc, view)).toBe(16);
});

test('stays within the protocol ceiling', () => {
  const { doc, view } = fakeDocument({ top: 0 }, {}, [{ bottom: 250_000 }]);
  expect(contentHeight(doc, view)).toBe(100_000);
});
