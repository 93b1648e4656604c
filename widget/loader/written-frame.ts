/**
 * The frame a page wrote into the widget's container itself, `<iframe src="HOST/frame.html?…">` as
 * its child (docs/portals.md, "The frame written into the page"): the loader adopts it as it is,
 * so that frame.html loads beside embed.js rather than after it, one round trip sooner.
 *
 * The first iframe in it counts, and its address is the page's: the loader reads nothing from it, as
 * embed.js has no bytes to spare for that. A frame written for another origin refuses in its own
 * words, and the loader reports `FRAME_TIMEOUT`; debug mode says what differs.
 */
export const writtenFrame = (container: Element) => container.querySelector<HTMLIFrameElement>('iframe');
