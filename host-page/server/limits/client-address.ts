import { isIPv4, isIPv6 } from 'node:net';
import { getConnInfo } from '@hono/node-server/conninfo';
import proxyaddr from 'proxy-addr';
import type { Context } from 'hono';

/** The peer of the TCP connection; `unknown` where there is none (e.g. `app.request` in tests). */
function socketAddress(c: Context): string {
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

/** `[2001:db8::1]:443` and `203.0.113.7:5678`, as some proxies write them, without the port. */
function withoutPort(entry: string): string {
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(entry);
  if (bracketed) return bracketed[1]!;
  const v4WithPort = /^(\d{1,3}(?:\.\d{1,3}){3}):\d+$/.exec(entry);
  return v4WithPort ? v4WithPort[1]! : entry;
}

/** The first four 16-bit groups of an IPv6 address, without leading zeros. */
function prefix64(v6: string): string {
  const [head = '', tail] = v6.split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  // An embedded IPv4 tail (::ffff:1.2.3.4) fills two groups; it is always in the last 64 bits.
  const width = left.length + right.reduce((n, group) => n + (group.includes('.') ? 2 : 1), 0);
  const zeros = tail === undefined ? [] : Array<string>(8 - width).fill('0');
  return [...left, ...zeros, ...right]
    .slice(0, 4)
    .map((group) => parseInt(group, 16).toString(16))
    .join(':');
}

/**
 * The key one client is counted under. IPv4-mapped IPv6 is the IPv4 address it maps; any other IPv6
 * address counts by its /64, because one subscriber or office is usually given a whole /64 and can
 * use any address in it, so a per-address key would let one client multiply its limit at will.
 */
export function addressKey(address: string): string {
  const plain = withoutPort(address.trim()).replace(/%.*$/, '');
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(plain);
  if (mapped && isIPv4(mapped[1]!)) return mapped[1]!;
  if (isIPv4(plain)) return plain;
  if (isIPv6(plain)) return `${prefix64(plain.toLowerCase())}::/64`;
  return plain || 'unknown';
}

/** Whether an address is one of the proxies whose `X-Forwarded-For` the host believes. */
export type TrustedProxies = (address: string) => boolean;

/** Trusts no proxy: the socket's peer is the client (`KYCVS_TRUST_PROXY` unset). */
export const NO_PROXY: TrustedProxies = () => false;

/**
 * `KYCVS_TRUST_PROXY`'s list (addresses, CIDR ranges, or `loopback`, `linklocal`, `uniquelocal`),
 * compiled by proxy-addr, which handles IPv4, IPv6 and IPv4-mapped forms alike. Throws on an entry
 * that is not one of these.
 * @example trustedProxies(['loopback', '10.0.0.0/8'])('10.1.2.3') // true
 */
export function trustedProxies(list: readonly string[]): TrustedProxies {
  if (list.length === 0) return NO_PROXY;
  const trust = proxyaddr.compile([...list]);
  return (address) => trust(address, 0);
}

const isLoopback = trustedProxies(['loopback']);

export interface ClientAddressOptions {
  /** @default NO_PROXY */
  trust?: TrustedProxies;
  /**
   * Told when a request from a loopback peer carries `X-Forwarded-For` while no proxy is trusted:
   * a proxy on this machine whose clients all count as one (README, "Run several instances").
   */
  onUntrustedForward?: () => void;
}

/**
 * Who is asking. `X-Forwarded-For` is written by whoever sends the request, so it counts only when
 * the socket's peer is a trusted proxy, and then only as far as the chain stays in trusted hands:
 * walking from the right (each proxy appends the address it saw), the first address that is not a
 * trusted proxy is the client, as Express's `trust proxy` with addresses decides. A client that
 * reaches the host directly is its socket address, whatever header it sends.
 */
export function clientAddress(c: Context, options: ClientAddressOptions = {}): string {
  const { trust = NO_PROXY, onUntrustedForward } = options;
  const socket = socketAddress(c);
  const header = c.req.header('x-forwarded-for');
  if (!trust(socket)) {
    if (header !== undefined && trust === NO_PROXY && isLoopback(socket)) onUntrustedForward?.();
    return addressKey(socket);
  }
  const forwarded = (header ?? '')
    .split(',')
    .map((entry) => withoutPort(entry.trim()))
    .filter((entry) => entry !== '');
  let client = socket;
  for (const address of forwarded.reverse()) {
    client = address;
    if (!trust(address)) break;
  }
  return addressKey(client);
}
