import { expect, test, vi } from 'vitest';
import { embedCheckUrl, fetchEmbedCheck, reportEmbedCheck } from './embed-check';
import { messages } from './messages';
import { frameInstance, repeated, writtenFrameProblems } from './page-check';
import { createSay } from './say';
import { scriptProblem } from './script-check';

const host = 'https://kycvs.example';
const origin = 'https://travel.example';

test('says each sentence once, with the [kycvs] prefix, at its level', () => {
  const out = { warn: vi.fn(), info: vi.fn() };
  const say = createSay(out);
  say('warn', 'Check the provider id.');
  say('warn', 'Check the provider id.');
  say('info', 'All is well.');
  expect(out.warn.mock.calls).toEqual([['[kycvs] Check the provider id.']]);
  expect(out.info.mock.calls).toEqual([['[kycvs] All is well.']]);
});

test.each([
  [`${host}/embed.js`, undefined],
  [`${host}/embed.js?v=2`, undefined],
  [`${host}/v1/embed.js`, undefined],
  [`${host}/v2/embed.js`, messages.notEmbedPath(`${host}/v2/embed.js`, host)],
  [undefined, messages.noCurrentScript(host)],
  ['', messages.noCurrentScript(host)],
  [
    `${origin}/wp-content/plugins/kycvs/embed.js`,
    messages.notEmbedPath(`${origin}/wp-content/plugins/kycvs/embed.js`, host),
  ],
  [`${host}/kycvs/embed.js`, messages.notEmbedPath(`${host}/kycvs/embed.js`, host)],
  [`${host}/embed.min.js`, messages.notEmbedPath(`${host}/embed.min.js`, host)],
])('the script at %s: %s', (src, problem) => {
  expect(scriptProblem(src, host)).toBe(problem);
});

test('asks the host about one provider and the page origin, both encoded', () => {
  expect(embedCheckUrl(host, 'a&b', origin)).toBe(
    `${host}/api/kycvs/embed-check?provider=a%26b&origin=https%3A%2F%2Ftravel.example`,
  );
});

test('reads the answer, and makes nothing of a 404, a failure or another shape', async () => {
  const answer = (status: number, body: unknown) => async () => new Response(JSON.stringify(body), { status });
  expect(await fetchEmbedCheck(answer(200, { provider: true, origin: false }), host, 'p', origin)).toEqual({
    provider: true,
    origin: false,
  });
  expect(await fetchEmbedCheck(answer(404, { provider: true, origin: true }), host, 'p', origin)).toBeUndefined();
  expect(await fetchEmbedCheck(answer(200, { provider: 'yes', origin: true }), host, 'p', origin)).toBeUndefined();
  expect(await fetchEmbedCheck(answer(200, null), host, 'p', origin)).toBeUndefined();
  const offline = async () => {
    throw new TypeError('Failed to fetch');
  };
  expect(await fetchEmbedCheck(offline, host, 'p', origin)).toBeUndefined();
});

test.each([
  [{ provider: false, origin: false }, 'warn', messages.unknownProvider('p', host), false],
  [{ provider: true, origin: false }, 'warn', messages.originNotAllowed('p', origin, host), false],
  [{ provider: true, origin: true }, 'info', messages.registered('p', origin, host), true],
  [undefined, 'warn', messages.checkUnavailable(host), false],
] as const)('the answer %j says: %s %s', (check, level, text, fine) => {
  const say = vi.fn();
  expect(reportEmbedCheck(say, check, { provider: 'p', origin, host })).toBe(fine);
  expect(say).toHaveBeenCalledWith(level, text);
});

test('a page that asks its own origin and gets no answer is told it serves a copy', () => {
  const say = vi.fn();
  reportEmbedCheck(say, undefined, { provider: 'p', origin, host: origin });
  expect(say).toHaveBeenCalledWith('warn', messages.ownOriginCopy(origin));
});

test('finds values used twice, and the instance of a kycvs frame URL only', () => {
  expect(repeated(['a', 'b', 'a', 'c', 'a', 'b'])).toEqual([
    ['a', 3],
    ['b', 2],
  ]);
  expect(frameInstance(`${host}/frame.html?provider=p&origin=o&instance=7-8`)).toBe('7-8');
  expect(frameInstance(`${host}/frame.html?provider=p&origin=o`)).toBe('');
  expect(frameInstance(`${host}/frame.html?video=1`)).toBeUndefined();
  expect(frameInstance('https://maps.example/embed?provider=p&origin=o')).toBeUndefined();
  expect(frameInstance('about:blank')).toBeUndefined();
});

test('a frame written into a container is checked against the page origin, the provider and the host', () => {
  const src = (params: Record<string, string>, at = host) => `${at}/frame.html?${new URLSearchParams(params)}`;
  const problems = (written: string) => writtenFrameProblems(written, 'p', origin, host);
  expect(problems(src({ provider: 'p', origin, lang: 'hi' }))).toEqual([]);
  expect(problems(src({ provider: 'p', origin: 'https://www.travel.example' }))).toEqual([
    messages.writtenFrameMismatch('origin', 'https://www.travel.example', origin),
  ]);
  expect(problems(src({ provider: 'q', origin }))).toEqual([messages.writtenFrameMismatch('provider', 'q', 'p')]);
  expect(problems(src({ provider: 'p', origin }, 'https://staging.kycvs.example'))).toEqual([
    messages.writtenFrameMismatch('host', 'https://staging.kycvs.example', host),
  ]);
  expect(problems('https://maps.example/embed?q=1')).toEqual([
    messages.foreignFrameInContainer('https://maps.example/embed?q=1'),
  ]);
  expect(problems('')).toEqual([messages.foreignFrameInContainer('')]);
  // The loader's own frames carry an instance, and are always right: nothing to say.
  expect(problems(src({ provider: 'q', origin: 'https://elsewhere.example', instance: 'k3x9' }))).toEqual([]);
});

test('every message is whole sentences: a capital (or a file name) first, a full stop last, no [kycvs] of its own', () => {
  const all = Object.values(messages).map((make) => (make as (...args: string[]) => string)('X', 'Y', 'Z'));
  for (const text of all) {
    expect(text).toMatch(/^([A-Z0-9]|embed\.js )/);
    expect(text).toMatch(/[.]$/);
    expect(text).not.toContain('[kycvs]');
  }
});
