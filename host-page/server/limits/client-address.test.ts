import { Hono } from 'hono';
import { expect, test, vi } from 'vitest';
import { addressKey, clientAddress, trustedProxies } from './client-address';

test.each([
  { address: '203.0.113.7', key: '203.0.113.7' },
  { address: '::ffff:203.0.113.7', key: '203.0.113.7' },
  { address: '::FFFF:203.0.113.7', key: '203.0.113.7' },
  { address: '203.0.113.7:5678', key: '203.0.113.7' },
  { address: '2001:db8:1:2:aaaa:bbbb:cccc:dddd', key: '2001:db8:1:2::/64' },
  { address: '2001:0db8:0001:0002::1', key: '2001:db8:1:2::/64' },
  { address: '2001:DB8:1:2::FFFF', key: '2001:db8:1:2::/64' },
  { address: '[2001:db8:1:2::1]:443', key: '2001:db8:1:2::/64' },
  { address: 'fe80::1%eth0', key: 'fe80:0:0:0::/64' },
  { address: '2001:db8::', key: '2001:db8:0:0::/64' },
  { address: '1:2::3:4:5:6:7', key: '1:2:0:3::/64' },
  { address: '::1', key: '0:0:0:0::/64' },
  { address: ' 198.51.100.2 ', key: '198.51.100.2' },
  { address: 'unknown', key: 'unknown' },
  { address: '', key: 'unknown' },
])('addressKey($address) is $key', ({ address, key }) => {
  expect(addressKey(address)).toBe(key);
});

test('every address of one IPv6 /64 counts as one client, another /64 apart', () => {
  expect(addressKey('2001:db8:aa:bb::1')).toBe(addressKey('2001:db8:aa:bb:ffff:ffff:ffff:fffe'));
  expect(addressKey('2001:db8:aa:bb::1')).not.toBe(addressKey('2001:db8:aa:bc::1'));
});

/** What the host sees as the client for a request from `socket` with these headers. */
async function seenAs(socket: string | undefined, headers: Record<string, string>, trust: readonly string[] = []) {
  const app = new Hono();
  app.get('/', (c) => c.text(clientAddress(c, { trust: trustedProxies(trust) })));
  const env = socket === undefined ? undefined : { incoming: { socket: { remoteAddress: socket } } };
  return (await app.request('/', { headers }, env)).text();
}

test('by default the client is the socket peer, whatever X-Forwarded-For says', async () => {
  expect(await seenAs('203.0.113.7', { 'x-forwarded-for': '198.51.100.1' })).toBe('203.0.113.7');
  expect(await seenAs('127.0.0.1', { 'x-forwarded-for': '198.51.100.1' })).toBe('127.0.0.1');
});

test('behind a trusted proxy, the client is the address that proxy appended', async () => {
  const headers = { 'x-forwarded-for': '6.6.6.6, 198.51.100.1' };
  expect(await seenAs('10.0.0.2', headers, ['10.0.0.0/8'])).toBe('198.51.100.1');
  expect(await seenAs('127.0.0.1', headers, ['loopback'])).toBe('198.51.100.1');
});

test('a client that reaches the host directly chooses nothing with X-Forwarded-For, even when a proxy is trusted', async () => {
  const headers = { 'x-forwarded-for': '198.51.100.1' };
  expect(await seenAs('203.0.113.7', headers, ['10.0.0.0/8'])).toBe('203.0.113.7');
  expect(await seenAs('203.0.113.7', headers, ['loopback'])).toBe('203.0.113.7');
});

test('behind two trusted proxies, the client is the first untrusted address from the right', async () => {
  const headers = { 'x-forwarded-for': '6.6.6.6, 198.51.100.1, 10.0.0.9' };
  expect(await seenAs('10.0.0.2', headers, ['10.0.0.0/8'])).toBe('198.51.100.1');
  // A trusted-looking address forged further left is not reached: the walk stops at the client.
  expect(await seenAs('10.0.0.2', { 'x-forwarded-for': '10.9.9.9, 198.51.100.1' }, ['10.0.0.0/8'])).toBe(
    '198.51.100.1',
  );
});

test('a chain of trusted proxies only gives its leftmost address; no header gives the proxy itself', async () => {
  expect(await seenAs('10.0.0.2', { 'x-forwarded-for': '10.0.0.5, 10.0.0.4' }, ['10.0.0.0/8'])).toBe('10.0.0.5');
  expect(await seenAs('10.0.0.2', {}, ['10.0.0.0/8'])).toBe('10.0.0.2');
});

test('forwarded IPv6 clients count by their /64 too; IPv6 proxies are trusted by their ranges', async () => {
  expect(await seenAs('10.0.0.2', { 'x-forwarded-for': '2001:db8:5:6::77' }, ['10.0.0.0/8'])).toBe('2001:db8:5:6::/64');
  expect(await seenAs('fd00::2', { 'x-forwarded-for': '[2001:db8:5:6::77]:4431' }, ['uniquelocal'])).toBe(
    '2001:db8:5:6::/64',
  );
  expect(await seenAs('::ffff:127.0.0.1', { 'x-forwarded-for': '198.51.100.1' }, ['loopback'])).toBe('198.51.100.1');
});

test('without a socket (no Node server) every request is one unknown client', async () => {
  expect(await seenAs(undefined, { 'x-forwarded-for': '198.51.100.1' })).toBe('unknown');
  expect(await seenAs(undefined, { 'x-forwarded-for': '198.51.100.1' }, ['loopback'])).toBe('unknown');
});

test('a loopback peer sending X-Forwarded-For while no proxy is trusted is reported; others are not', async () => {
  const reported = vi.fn();
  const app = new Hono();
  app.get('/', (c) => c.text(clientAddress(c, { onUntrustedForward: reported })));
  const from = (remoteAddress: string, headers: Record<string, string>) =>
    app.request('/', { headers }, { incoming: { socket: { remoteAddress } } });
  await from('203.0.113.7', { 'x-forwarded-for': '198.51.100.1' });
  await from('127.0.0.1', {});
  expect(reported).not.toHaveBeenCalled();
  await from('127.0.0.1', { 'x-forwarded-for': '198.51.100.1' });
  await from('::1', { 'x-forwarded-for': '198.51.100.1' });
  expect(reported).toHaveBeenCalledTimes(2);
});
