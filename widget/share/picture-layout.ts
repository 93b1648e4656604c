import type { VaccinationStatus } from '../../contract';

/** The picture is square, the shape every social network shows whole. */
export const PICTURE_SIZE = 1080;
const MARGIN = 60;
/** The widest a line of text may be. */
export const TEXT_WIDTH = PICTURE_SIZE - 2 * MARGIN;
const BAND_HEIGHT = 360;
const RULE_Y = 930;
const FOOTER_Y = 1010;

/** The light theme's status colours (widget.css): AA on white, and white text is AA on them. */
export const statusColours: Readonly<Record<VaccinationStatus, string>> = {
  FULLY_VACCINATED: '#146c2e',
  PARTIALLY_VACCINATED: '#8a4b00',
  NOT_VACCINATED: '#b42318',
};
const INK = '#1b1f24';
const MUTED = '#4b5563';

/** The words on the picture, already in the reader's language. */
export interface PictureWords {
  status: VaccinationStatus;
  /** "Vaccination status". */
  heading: string;
  /** "Fully vaccinated". */
  statusText: string;
  /** First name or initials, only when the result carries the beneficiary. */
  name?: string | undefined;
  /** The foot: "Checked with CoWIN on 27 November 2025" (never "verified": picture-words.ts). */
  checkedWith: string;
}

/** The width of `text` drawn in `font` (a canvas's `measureText`; a fake in tests). */
export type Measure = (text: string, font: string) => number;

export interface TextLine {
  text: string;
  font: string;
  colour: string;
  /** The baseline, centred horizontally on the picture. */
  y: number;
}

export interface PictureLayout {
  /** A band of the status colour across the top, with the status mark in it. */
  band: { height: number; colour: string };
  mark: { status: VaccinationStatus; cx: number; cy: number; size: number };
  lines: TextLine[];
  /** A hairline above the footer. */
  rule: { y: number; colour: string };
}

interface Style {
  weight: 400 | 600 | 700;
  /** The largest size to try, and the smallest to accept, in px. */
  size: number;
  minSize: number;
  maxLines: number;
  colour: string;
}

const fontOf = (weight: number, size: number, family: string) => `${weight} ${size}px ${family}`;

/** Greedy word wrap; a single word wider than `width` keeps a line of its own. */
export function wrapLines(text: string, width: number, measure: (text: string) => number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.trim().split(/\s+/u)) {
    const longer = line ? `${line} ${word}` : word;
    if (line && measure(longer) > width) {
      lines.push(line);
      line = word;
    } else {
      line = longer;
    }
  }
  if (line) lines.push(line);
  return lines;
}

/**
 * The largest size at which `text` wraps into `maxLines` lines that each fit, stepping down by 4 px
 * to `minSize`. Past that the last line takes the rest, and drawing condenses it to fit (fillText's
 * `maxWidth`): a long translation is never cut off.
 */
export function fitText(
  text: string,
  style: Style,
  family: string,
  measure: Measure,
): { font: string; size: number; lines: string[] } {
  let size = style.size;
  for (;;) {
    const font = fontOf(style.weight, size, family);
    const measureAt = (t: string) => measure(t, font);
    const lines = wrapLines(text, TEXT_WIDTH, measureAt);
    const fits = lines.length <= style.maxLines && lines.every((line) => measureAt(line) <= TEXT_WIDTH);
    if (fits || size - 4 < style.minSize) {
      const kept = lines.slice(0, style.maxLines - 1);
      const rest = lines.slice(style.maxLines - 1).join(' ');
      return { font, size, lines: rest ? [...kept, rest] : kept };
    }
    size -= 4;
  }
}

/**
 * Where everything goes on the picture: the status at a glance (a colour band with the same mark
 * as the widget's: a tick, a half-filled circle or a dash, so it reads without colour), then the
 * status in words, the name if any, the date, and "Verified via CoWIN" at the foot. The text block
 * is centred between the band and the foot. Line heights leave room for the marks above and below
 * Indic letters.
 */
export function layoutStatusPicture(words: PictureWords, family: string, measure: Measure): PictureLayout {
  const colour = statusColours[words.status];
  type Block = { text: string; style: Style; gapBefore: number };
  const nameBlock: Block[] = words.name
    ? [{ text: words.name, style: { weight: 600, size: 64, minSize: 40, maxLines: 1, colour: INK }, gapBefore: 28 }]
    : [];
  const blocks: Block[] = [
    { text: words.heading, style: { weight: 400, size: 44, minSize: 32, maxLines: 1, colour: MUTED }, gapBefore: 0 },
    {
      text: words.statusText,
      style: { weight: 700, size: 96, minSize: 56, maxLines: 2, colour },
      gapBefore: 12,
    },
    ...nameBlock,
  ];

  const lines: TextLine[] = [];
  let y = 0;
  for (const block of blocks) {
    const fitted = fitText(block.text, block.style, family, measure);
    y += block.gapBefore;
    for (const text of fitted.lines) {
      const lineHeight = Math.round(fitted.size * 1.35);
      // The baseline sits about 1.05 em below the line's top: room above for vowel signs and the
      // headline of Devanagari, below for the signs under it.
      lines.push({ text, font: fitted.font, colour: block.style.colour, y: y + Math.round(fitted.size * 1.05) });
      y += lineHeight;
    }
  }
  const top = BAND_HEIGHT + Math.max(24, Math.round((RULE_Y - BAND_HEIGHT - y) / 2));
  const footer = fitText(
    words.checkedWith,
    { weight: 700, size: 40, minSize: 28, maxLines: 1, colour: INK },
    family,
    measure,
  );
  return {
    band: { height: BAND_HEIGHT, colour },
    mark: { status: words.status, cx: PICTURE_SIZE / 2, cy: BAND_HEIGHT / 2, size: 260 },
    lines: [
      ...lines.map((line) => ({ ...line, y: line.y + top })),
      { text: footer.lines.join(' '), font: footer.font, colour: INK, y: FOOTER_Y },
    ],
    rule: { y: RULE_Y, colour: '#d0d5dc' },
  };
}
