import { expect, test, vi } from 'vitest';
import { canShareFiles, PICTURE_FILE_NAME } from './can-share';
import { deliverPicture, type DeliverEnv } from './deliver';

const file = new File([new Uint8Array([0x89, 0x50, 0x4e, 0x47])], PICTURE_FILE_NAME, { type: 'image/png' });

function fakeEnv(nav: DeliverEnv['nav']) {
  const anchor = { href: '', download: '', hidden: false, click: vi.fn(), remove: vi.fn() };
  const later: Array<() => void> = [];
  const env: DeliverEnv = {
    nav,
    doc: { createElement: () => anchor, body: { append: vi.fn() } } as unknown as Document,
    urls: { createObjectURL: vi.fn(() => 'blob:picture'), revokeObjectURL: vi.fn() },
    later: (run) => later.push(run),
  };
  return { env, anchor, later };
}

test('canShareFiles needs both share and canShare, and a yes from canShare', () => {
  expect(canShareFiles({})).toBe(false);
  expect(canShareFiles({ share: async () => {} })).toBe(false);
  expect(canShareFiles({ share: async () => {}, canShare: () => false })).toBe(false);
  expect(canShareFiles({ share: async () => {}, canShare: () => true })).toBe(true);
  expect(
    canShareFiles({
      share: async () => {},
      canShare: () => {
        throw new TypeError('no');
      },
    }),
  ).toBe(false);
});

test('shares one PNG file where the browser can share files', async () => {
  const share = vi.fn(async () => {});
  const { env, anchor } = fakeEnv({ share, canShare: () => true });
  expect(await deliverPicture(file, 'My vaccination status', env)).toBe('shared');
  expect(share).toHaveBeenCalledWith({ files: [file], title: 'My vaccination status' });
  expect(anchor.click).not.toHaveBeenCalled();
});

test('closing the share sheet is no failure; another share error is', async () => {
  const abort = Object.assign(new Error('closed'), { name: 'AbortError' });
  const { env } = fakeEnv({ share: () => Promise.reject(abort), canShare: () => true });
  expect(await deliverPicture(file, 't', env)).toBe('cancelled');
  const denied = Object.assign(new Error('no'), { name: 'NotAllowedError' });
  const other = fakeEnv({ share: () => Promise.reject(denied), canShare: () => true });
  await expect(deliverPicture(file, 't', other.env)).rejects.toBe(denied);
});

test('downloads through <a download> elsewhere, and revokes the object URL afterwards', async () => {
  const { env, anchor, later } = fakeEnv({});
  expect(await deliverPicture(file, 't', env)).toBe('downloaded');
  expect(anchor).toMatchObject({ href: 'blob:picture', download: 'vaccination-status.png', hidden: true });
  expect(anchor.click).toHaveBeenCalledOnce();
  expect(anchor.remove).toHaveBeenCalledOnce();
  expect(env.urls.revokeObjectURL).not.toHaveBeenCalled();
  later.forEach((run) => run());
  expect(env.urls.revokeObjectURL).toHaveBeenCalledWith('blob:picture');
});
