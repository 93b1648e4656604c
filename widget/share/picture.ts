// The share picture's drawing and delivery: a chunk of its own, fetched only once a result with
// the share button is on screen (the frame's first load is held to a budget: docs/architecture.md, "Budgets").
import { PICTURE_FILE_NAME } from './can-share';
import { drawStatusPicture } from './draw-status-picture';
import { layoutStatusPicture, PICTURE_SIZE, type PictureWords } from './picture-layout';

export { deliverPicture } from './deliver';
export { pictureWords } from './picture-words';

/**
 * Draws the status picture on a canvas and returns it as a PNG file. The text uses the widget's own
 * font stack (system fonts, which cover every Indic script), read from the page's style.
 */
export async function makeStatusPicture(words: PictureWords, doc: Document = document): Promise<File> {
  const canvas = doc.createElement('canvas');
  canvas.width = PICTURE_SIZE;
  canvas.height = PICTURE_SIZE;
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('No 2D canvas.');
  const family = getComputedStyle(doc.documentElement).fontFamily || 'sans-serif';
  const measure = (text: string, font: string) => {
    ctx.font = font;
    return ctx.measureText(text).width;
  };
  drawStatusPicture(ctx, layoutStatusPicture(words, family, measure));
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
  if (!blob) throw new Error('The canvas gave no PNG.');
  return new File([blob], PICTURE_FILE_NAME, { type: 'image/png' });
}
