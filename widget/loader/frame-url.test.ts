import { expect, test } from 'vitest';
import { frameUrl } from './frame-url';

const base = { provider: 'demo-travel', origin: 'http://localhost:5173', lang: 'hi', instance: '1-2' };

test('builds the frame URL in contract order, with the origin encoded', () => {
  expect(frameUrl('http://127.0.0.1:5174', base)).toBe(
    'http://127.0.0.1:5174/frame.html?provider=demo-travel&origin=http%3A%2F%2Flocalhost%3A5173&lang=hi&instance=1-2',
  );
});

test('adds nonce and theme only when given', () => {
  const url = new URL(frameUrl('https://host.example', { ...base, nonce: 'n 1&x=2', theme: 'dark' }));
  expect([...url.searchParams.keys()]).toEqual(['provider', 'origin', 'lang', 'instance', 'nonce', 'theme']);
  expect(url.searchParams.get('nonce')).toBe('n 1&x=2');
  expect(url.searchParams.get('theme')).toBe('dark');
});

test('cannot be steered by a provider id with URL syntax in it', () => {
  const url = new URL(frameUrl('https://host.example', { ...base, provider: 'a&origin=https://evil.example#' }));
  expect(url.origin).toBe('https://host.example');
  expect(url.searchParams.getAll('origin')).toEqual(['http://localhost:5173']);
  expect(url.searchParams.get('provider')).toBe('a&origin=https://evil.example#');
});

test('adds share=1 last, only when asked', () => {
  const url = new URL(frameUrl('https://host.example', { ...base, theme: 'dark', share: '1' }));
  expect([...url.searchParams.keys()]).toEqual(['provider', 'origin', 'lang', 'instance', 'theme', 'share']);
  expect(url.searchParams.get('share')).toBe('1');
  expect(new URL(frameUrl('https://host.example', base)).searchParams.has('share')).toBe(false);
});

test('carries the accent colour with its # encoded', () => {
  const url = frameUrl('https://host.example', { ...base, accent: '#7B2CBF' });
  expect(url).toContain('&accent=%237B2CBF');
  expect(new URL(url).searchParams.get('accent')).toBe('#7B2CBF');
});
