import { isIPv4, isIPv6 } from 'node:net';
import { getConnInfo } from '@hono/node-server/conninfo';
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

/**
 * Who is asking. By default the socket's peer only: `X-Forwarded-For` is written by the client and
 * would let anyone pick a fresh address for every request. With `trustedProxies` = N (the host sits
 * behind N proxies that each append the address they saw), the client is the Nth address from the
 * right, as Express's `trust proxy` counts hops; a shorter chain gives its leftmost address.
 */
export function clientAddress(c: Context, trustedProxies = 0): string {
  const socket = socketAddress(c);
  if (trustedProxies <= 0) return addressKey(socket);
  const forwarded = (c.req.header('x-forwarded-for') ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '');
  const chain = [socket, ...forwarded.reverse()];
  return addressKey(chain[Math.min(trustedProxies, chain.length - 1)]!);
}
