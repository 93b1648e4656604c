import type { Hono } from 'hono';

/** How long the page's second part waits: long enough for embed.js to arrive and run before it. */
const PAUSE_MS = 500;

/**
 * `GET /streamed`: the counter's embedding as a slow link delivers a page, in two parts. The first
 * ends inside the container, `<div class="kycvs">` open, with the script tag before it; the frame
 * written into the container comes in the second. embed.js runs in between, and must wait for the
 * container to close rather than make a frame of its own (widget/loader/watch-containers.ts).
 * e2e/written-frame.spec.ts loads it; the demo's pages do not link it.
 */
export function streamedPage(app: Hono, hostOrigin: string): void {
  app.get('/streamed', (c) => {
    const origin = encodeURIComponent(new URL(c.req.url).origin);
    const first = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>kycvs demo — a page in two parts</title>
    <script src="${hostOrigin}/embed.js" async></script>
  </head>
  <body>
    <main>
      <h1>A page that arrives in two parts</h1>
      <div class="kycvs" data-provider="demo-test">`;
    const second = `
        <iframe title="Know Your Vaccination Status" allow="otp-credentials; web-share"
          style="display:block;width:100%;border:0;height:360px"
          src="${hostOrigin}/frame.html?provider=demo-test&amp;origin=${origin}&amp;lang=en"></iframe>
      </div>
    </main>
  </body>
</html>
`;
    const encoder = new TextEncoder();
    const body = new ReadableStream<Uint8Array>({
      async start(controller) {
        controller.enqueue(encoder.encode(first));
        await new Promise((resolve) => setTimeout(resolve, PAUSE_MS));
        controller.enqueue(encoder.encode(second));
        controller.close();
      },
    });
    return c.body(body, 200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
  });
}
