/** The name the picture is shared or saved under. */
export const PICTURE_FILE_NAME = 'vaccination-status.png';

/** The part of `navigator` sharing uses; tests pass a fake. */
export type ShareNavigator = Partial<Pick<Navigator, 'share' | 'canShare'>>;

/**
 * Whether this browser can share a PNG through the Web Share API (Level 2, with files). Not where
 * `share` is missing (desktop Linux, older Firefox), nor where the frame's permissions policy
 * leaves out `web-share` (an iframe without `allow="web-share"`): `canShare` then says no.
 */
export function canShareFiles(nav: ShareNavigator, file?: File): boolean {
  if (typeof nav.share !== 'function' || typeof nav.canShare !== 'function') return false;
  try {
    return nav.canShare({ files: [file ?? new File([], PICTURE_FILE_NAME, { type: 'image/png' })] });
  } catch {
    return false;
  }
}
