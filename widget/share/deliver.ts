import { canShareFiles, type ShareNavigator } from './can-share';

export type Delivery = 'shared' | 'cancelled' | 'downloaded';

export interface DeliverEnv {
  nav: ShareNavigator;
  doc: Document;
  urls: Pick<typeof URL, 'createObjectURL' | 'revokeObjectURL'>;
  /** @default setTimeout */
  later?: (run: () => void, ms: number) => unknown;
}

/** Long enough for every browser to have read the file before its URL goes. */
const REVOKE_AFTER_MS = 10_000;

/** Saves `file` through a temporary `<a download>`; its object URL is revoked afterwards. */
function download(file: File, { doc, urls, later = setTimeout }: DeliverEnv): void {
  const url = urls.createObjectURL(file);
  const a = doc.createElement('a');
  a.href = url;
  a.download = file.name;
  a.hidden = true;
  doc.body.append(a);
  a.click();
  a.remove();
  later(() => urls.revokeObjectURL(url), REVOKE_AFTER_MS);
}

/**
 * Shares the picture with the Web Share API where the browser can share files, else downloads it.
 * Closing the share sheet is `cancelled`, not a failure; any other share failure is thrown.
 */
export async function deliverPicture(
  file: File,
  title: string,
  env: DeliverEnv = { nav: navigator, doc: document, urls: URL },
): Promise<Delivery> {
  if (!canShareFiles(env.nav, file)) {
    download(file, env);
    return 'downloaded';
  }
  try {
    await env.nav.share!({ files: [file], title });
    return 'shared';
  } catch (error) {
    if ((error as { name?: unknown } | null)?.name === 'AbortError') return 'cancelled';
    throw error;
  }
}
