/**
 * Debug mode's sentences: each says what is wrong and what to do, in whole sentences, as msw's
 * devUtils.formatMessage does. The `[kycvs]` prefix is added where they are printed (say.ts).
 */
export const messages = {
  noCurrentScript: (host: string) =>
    `embed.js could not tell which script tag loaded it (document.currentScript was empty, as when a bundler or another script runs it), so it guessed the host ${host}. Load it with a tag of its own, <script src="https://YOUR-KYCVS-HOST/embed.js" async></script>, or import render from the kycvs package and pass the host.`,

  notEmbedPath: (src: string, host: string) =>
    `embed.js was loaded from ${src}, which is not a kycvs host's /embed.js (or /v1/embed.js). The widget loads its frame from the host its script came from (${host}/frame.html), so load embed.js from the kycvs host itself, not from a copy or a bundle.`,

  ownOriginCopy: (host: string) =>
    `embed.js was loaded from this page's own origin (${host}), which does not answer like a kycvs host. Load embed.js from the kycvs host, <script src="https://YOUR-KYCVS-HOST/embed.js" async></script>, not from a copy on your own server.`,

  scriptInsideContainer: () =>
    'The embed.js script tag is inside a kycvs container. Move it out, into <head> or just before </body>, so that the container holds nothing but the widget.',

  containerNotFound: (target: string) =>
    `KYCVS.render() found no element for ${target}. Check the selector (an id is case-sensitive, and a selector for one starts with "#"), and call render() only once the element exists: after DOMContentLoaded, or from a script placed after the element.`,

  severalMatch: (target: string, count: number) =>
    `${count} elements match ${target}; the widget was rendered into the first one only. Give each widget its own element id.`,

  duplicateId: (id: string, count: number) =>
    `${count} kycvs containers share the id "${id}". Element ids must be unique on a page: give each widget its own.`,

  duplicateInstance: (instance: string, count: number) =>
    `${count} kycvs iframes on this page share ${instance ? `the instance "${instance}"` : 'the default, empty instance'}. Give each iframe its own instance parameter in frame.html's URL, so that their messages can be told apart.`,

  foreignFrameInContainer: (src: string) =>
    `A kycvs container holds an iframe that is not a kycvs frame (${src || 'no src'}). The loader takes an iframe in the container for the widget's own frame, written into the page to load sooner: remove it, or write the one the snippet builder gives.`,

  writtenFrameMismatch: (what: 'origin' | 'provider' | 'host', written: string, expected: string) =>
    `The frame written into a kycvs container names the ${what} "${written}", but ${
      { origin: 'this page is', provider: 'the container names', host: 'embed.js came from' }[what]
    } "${expected}". The loader adopts that frame as it is, and it will not talk to this page: write the snippet for this page's exact origin, provider and host, or leave the container empty for the loader to fill.`,

  writtenInstance: (instance: string) =>
    `The frame in a kycvs container has the instance "${instance}" in its address. If the page wrote that frame (the snippet with the frame written in), remove instance from its address: embed.js speaks to a frame it adopts with the default, empty instance.`,

  noProvider: (tag: string) =>
    `A ${tag} element has no provider id, so nothing was rendered in it. Add the provider id you were given: <div class="kycvs" data-provider="YOUR-PROVIDER-ID"></div>, or <kycvs-verify provider="YOUR-PROVIDER-ID"></kycvs-verify>.`,

  plainProviderOnDiv: () =>
    'A .kycvs element has a provider attribute but no data-provider. On a <div class="kycvs"> the attribute is data-provider; the plain provider attribute is for <kycvs-verify>.',

  dataProviderOnElement: () =>
    'A <kycvs-verify> element has a data-provider attribute but no provider. On <kycvs-verify> the attributes drop their data- prefix (all except data-nonce): write provider="…".',

  noContainers: () =>
    'embed.js found no <div class="kycvs" data-provider="…"> and no <kycvs-verify provider="…"> on this page yet. It renders any that are added later; if none should be, check the class name and the data-provider attribute.',

  nullOrigin: () =>
    'This page has no origin (it was opened from a file, or it is in a sandboxed iframe), and the widget only talks to pages whose origin the kycvs host has registered. Serve the page over http or https from a registered origin.',

  unknownProvider: (provider: string, host: string) =>
    `The provider id "${provider}" is not registered on ${host}, so the frame refuses to load. Check the provider id against the one the kycvs operator gave you: ids are case-sensitive.`,

  originNotAllowed: (provider: string, origin: string, host: string) =>
    `This page's origin, ${origin}, is not registered for the provider "${provider}" on ${host}, so the frame refuses to load. Ask the kycvs operator to add exactly ${origin} to its allowed_origins: http and https, www and no www, and each port are different origins.`,

  registered: (provider: string, origin: string, host: string) =>
    `The provider "${provider}" is registered on ${host} and allows this page's origin, ${origin}.`,

  checkUnavailable: (host: string) =>
    `${host} did not answer /api/kycvs/embed-check, so debug mode cannot tell an unknown provider id from an unregistered page origin. If the widget does not appear, check both with the kycvs operator.`,

  registeredButSilent: (provider: string, host: string) =>
    `The provider "${provider}" and this page's origin are registered, yet the frame did not load. Check that ${host} is reachable from this browser, and that this page's Content-Security-Policy allows it in frame-src.`,

  cspBlocked: (directive: string, url: string) =>
    `This page's Content-Security-Policy (${directive}) blocked ${url}. Add the kycvs host to frame-src and script-src in the policy.`,
};
