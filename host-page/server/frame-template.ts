/**
 * frame.html's template as the host sends it, made once at start from the built file
 * (docs/architecture.md, "The first paint"): on a slow link the first paint then needs no request
 * but frame.html's own.
 * - The entry's stylesheet goes inside the page (`read` gives a file of the build's assets).
 * - The entry's module script becomes `<meta name="kycvs-entry">`, which frame.html's inline
 *   script asks for once the form is painted: the first paint does not need it, and it would
 *   share the link with what the first paint does need.
 * Only `/assets/` files are touched, and only the entry's are in the template.
 */
export function prepareFrameTemplate(template: string, read: (name: string) => string): string {
  return template
    .replace(
      /<link rel="stylesheet"[^>]*? href="\/assets\/([\w.-]+\.css)"[^>]*>/g,
      (_, name: string) => `<style>${read(name)}</style>`,
    )
    .replace(
      /<script type="module"[^>]*? src="(\/assets\/[\w.-]+\.js)"[^>]*><\/script>/g,
      (_, src: string) => `<meta name="kycvs-entry" content="${src}" />`,
    );
}

/**
 * The stylesheet text of a lazy chunk of the frame, found by its source file in Vite's manifest
 * (dist/frame/.vite/manifest.json, keys relative to host-page/): CoWIN's own page inlines its
 * banner's style so that its first paint, the banner and the form, needs no other request. Empty
 * when the manifest names no such chunk or no style for it.
 */
export function chunkStyles(manifestJson: string, source: string, read: (name: string) => string): string {
  const manifest = JSON.parse(manifestJson) as Record<string, { css?: string[] } | undefined>;
  return (manifest[source]?.css ?? []).map((file) => read(file.replace(/^assets\//, ''))).join('');
}

/** The template with `css` inline at the end of its head (nothing when `css` is empty). */
export const withStyle = (template: string, css: string): string =>
  css ? template.replace('</head>', () => `<style>${css}</style></head>`) : template;
