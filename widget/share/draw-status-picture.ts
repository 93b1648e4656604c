import { PICTURE_SIZE, TEXT_WIDTH, type PictureLayout } from './picture-layout';

/** The part of a canvas 2D context the picture uses; tests pass a recorder. */
export type PictureContext = Pick<
  CanvasRenderingContext2D,
  | 'fillStyle'
  | 'strokeStyle'
  | 'lineWidth'
  | 'lineCap'
  | 'lineJoin'
  | 'font'
  | 'textAlign'
  | 'textBaseline'
  | 'direction'
  | 'fillRect'
  | 'fillText'
  | 'beginPath'
  | 'closePath'
  | 'arc'
  | 'moveTo'
  | 'lineTo'
  | 'stroke'
  | 'fill'
  | 'save'
  | 'restore'
  | 'translate'
  | 'scale'
>;

/** status-mark.tsx's shapes, on its 24-unit grid: a ring, and a tick, a half disc or a dash. */
function drawMark(ctx: PictureContext, { status, cx, cy, size }: PictureLayout['mark']) {
  ctx.save();
  ctx.translate(cx - size / 2, cy - size / 2);
  ctx.scale(size / 24, size / 24);
  ctx.strokeStyle = '#ffffff';
  ctx.fillStyle = '#ffffff';
  ctx.lineWidth = 2.5;
  ctx.lineCap = 'round';
  ctx.lineJoin = 'round';
  ctx.beginPath();
  ctx.arc(12, 12, 10.5, 0, 2 * Math.PI);
  ctx.stroke();
  ctx.beginPath();
  if (status === 'FULLY_VACCINATED') {
    ctx.moveTo(7, 12.5);
    ctx.lineTo(10.2, 15.7);
    ctx.lineTo(17, 9);
    ctx.stroke();
  } else if (status === 'PARTIALLY_VACCINATED') {
    ctx.arc(12, 12, 10.5, -Math.PI / 2, Math.PI / 2);
    ctx.closePath();
    ctx.fill();
  } else {
    ctx.moveTo(7.5, 12);
    ctx.lineTo(16.5, 12);
    ctx.stroke();
  }
  ctx.restore();
}

/** Paints a laid-out status picture on a `PICTURE_SIZE` square canvas. */
export function drawStatusPicture(ctx: PictureContext, layout: PictureLayout): void {
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, PICTURE_SIZE, PICTURE_SIZE);
  ctx.fillStyle = layout.band.colour;
  ctx.fillRect(0, 0, PICTURE_SIZE, layout.band.height);
  drawMark(ctx, layout.mark);

  ctx.fillStyle = layout.rule.colour;
  ctx.fillRect(60, layout.rule.y, TEXT_WIDTH, 2);

  ctx.textAlign = 'center';
  ctx.textBaseline = 'alphabetic';
  ctx.direction = 'ltr';
  for (const line of layout.lines) {
    ctx.font = line.font;
    ctx.fillStyle = line.colour;
    // maxWidth: the browser condenses a line that is still too wide rather than cut it off.
    ctx.fillText(line.text, PICTURE_SIZE / 2, line.y, TEXT_WIDTH);
  }
}
