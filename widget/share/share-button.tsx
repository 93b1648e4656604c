import { signal } from '@preact/signals';
import { useEffect, useRef } from 'preact/hooks';
import type { Language, Translate } from '../i18n';
import type { KycvsResult } from '../../contract';
import { canShareFiles } from './can-share';
// Static: the picture code comes with the later steps' chunk, fetched while the person types, so
// it is there on the result (a nested dynamic import would split the frame's first load in two).
import * as picture from './picture';

interface SharePictureProps {
  result: KycvsResult;
  t: Translate;
  lang: Language;
}

/** One button's state. Refs and a signal only: `useState` would add to the frame's first load. */
function createState() {
  return {
    /** What the status line under the button says. */
    note: signal<'' | 'preparing' | 'failed'>(''),
    canShare: canShareFiles(navigator),
    pending: null as Promise<File> | null,
    ready: null as File | null,
    busy: false,
  };
}

/**
 * "Share picture" (or "Download picture" where the browser cannot share files): a PNG of the
 * status for the person to post or send. The picture is drawn as soon as the result shows, so a
 * click shares it at once: browsers allow a share or a download only shortly after a click.
 */
export function SharePicture({ result, t, lang }: SharePictureProps) {
  const ref = useRef<ReturnType<typeof createState> | null>(null);
  const state = (ref.current ??= createState());

  const prepare = () =>
    (state.pending ??= picture.makeStatusPicture(picture.pictureWords(result, t, lang, new Date())).then(
      (file) => (state.ready = file),
      (error: unknown) => {
        state.pending = null;
        throw error;
      },
    ));

  useEffect(() => {
    state.pending = null;
    state.ready = null;
    // A failure here shows on click, which tries again.
    prepare().catch(() => {});
  }, [result, lang]);

  const onClick = async () => {
    if (state.busy) return;
    state.busy = true;
    if (!state.ready) state.note.value = 'preparing';
    try {
      const file = await prepare();
      state.note.value = '';
      await picture.deliverPicture(file, t('share.title'));
    } catch {
      state.note.value = 'failed';
    } finally {
      state.busy = false;
    }
  };

  const note = state.note.value;
  return (
    <>
      <button type="button" class="secondary" onClick={onClick}>
        {state.canShare ? t('action.sharePicture') : t('action.downloadPicture')}
      </button>
      {/* Always there, even empty: a live region must exist before it speaks. */}
      <p role="status" class="hint">
        {note ? t(`share.${note}`) : ''}
      </p>
    </>
  );
}
