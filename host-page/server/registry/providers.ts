import { readFileSync } from 'node:fs';
import * as z from 'zod/mini';
import { isExactOrigin, ScopeSchema, type Scope } from '../../../contract';
import { jsonSyntaxError } from './json-syntax';
import { isLoopbackHost, isPlainHttpElsewhere, redirectUriProblem } from './redirect-uris';

const OriginSchema = z
  .string()
  .check(
    z.refine(
      isExactOrigin,
      'must be an exact origin such as "https://agency.example" (scheme and host, no path or trailing slash)',
    ),
  );

const RedirectUriSchema = z.string().check(
  z.superRefine((uri, ctx) => {
    const problem = redirectUriProblem(uri);
    if (problem) ctx.issues.push({ code: 'custom', message: problem, input: uri });
  }),
);

/** Ids the host keeps for itself: `cowin-self` is CoWIN's own page (standalone/self-provider.ts). */
export const RESERVED_PROVIDER_IDS: readonly string[] = ['cowin-self'];

export const ProviderSchema = z.object({
  id: z.string().check(
    z.regex(/^[a-z0-9][a-z0-9-]{1,62}$/, 'must be 2–63 lowercase letters, digits or dashes'),
    z.refine((id) => !RESERVED_PROVIDER_IDS.includes(id), "is reserved for CoWIN's own page: choose another id"),
  ),
  name: z.string().check(z.minLength(1), z.maxLength(60)),
  allowed_origins: z.array(OriginSchema).check(z.minLength(1)),
  scope: z.array(ScopeSchema).check(
    z.minLength(1),
    z.refine((scope) => scope.includes('status'), 'must include "status"'),
  ),
  /**
   * When set, siteverify requires it (as Turnstile's secret key) and answers the details the scope
   * allows; required when the scope has more than `status` (see `secretProblems`).
   */
  secret: z.optional(z.string().check(z.minLength(16))),
  /**
   * A test provider (docs/test-identities.md): never calls CoWIN, takes the OTP 000000 and answers
   * by the mobile number; its tokens carry `test: true`.
   */
  test: z.optional(z.boolean()),
  /**
   * Where redirect mode (`GET /verify`, docs/redirect.md) may send the person back with a code:
   * exact URLs, https (plain http only to loopback outside mock mode), no fragment. A provider with
   * them needs a `secret`, which exchanges the code (see `secretProblems`).
   */
  redirect_uris: z.optional(z.array(RedirectUriSchema).check(z.minLength(1), z.maxLength(20))),
});
export type Provider = z.infer<typeof ProviderSchema>;

const RegistrySchema = z.array(ProviderSchema).check(
  z.minLength(1),
  z.refine((list) => new Set(list.map((p) => p.id)).size === list.length, 'provider ids must be unique'),
);

export interface ProviderRegistry {
  get(id: string): Provider | undefined;
  all(): readonly Provider[];
}

export class RegistryError extends Error {
  override name = 'RegistryError';
}

export interface RegistryOptions {
  /**
   * Which `http://` origins may be registered: `any` in mock mode (demos on a LAN), else only
   * loopback ones (a developer's machine): a real page on plain http can be rewritten by anyone on
   * its network, script included, and would receive the results.
   * @default 'loopback'
   */
  plainHttp?: 'any' | 'loopback';
}

/** Every registered `http://` origin that is not loopback, as `index.allowed_origins.n`. */
function plainHttpOrigins(providers: readonly Provider[]): string[] {
  return providers.flatMap((provider, index) =>
    provider.allowed_origins.flatMap((origin, n) => {
      const url = new URL(origin);
      return url.protocol === 'http:' && !isLoopbackHost(url.hostname)
        ? [
            `  - ${index}.allowed_origins.${n}: must be https:// (plain http:// only for localhost, 127.0.0.1 or [::1] outside mock mode)`,
          ]
        : [];
    }),
  );
}

/** Every registered `http://` redirect URI that is not loopback, as `index.redirect_uris.n`. */
function plainHttpRedirects(providers: readonly Provider[]): string[] {
  return providers.flatMap((provider, index) =>
    (provider.redirect_uris ?? []).flatMap((uri, n) =>
      isPlainHttpElsewhere(uri)
        ? [
            `  - ${index}.redirect_uris.${n}: must be https:// (plain http:// only for localhost, 127.0.0.1 or [::1] outside mock mode)`,
          ]
        : [],
    ),
  );
}

/**
 * Every provider whose scope has more than `status` but no `secret`. Its name, birth year and doses
 * reach its page unsigned by postMessage; its server can trust them only from siteverify, which
 * answers them only with the secret (docs/api.md, "Details"). Without one, anyone holding a token
 * could read them there.
 */
function secretProblems(providers: readonly Provider[]): string[] {
  return providers.flatMap((provider, index) => {
    // Redirect mode's code is exchanged with the secret (docs/redirect.md): without one, whoever
    // read the code in a URL (a log, a browser history) could exchange it.
    if (provider.redirect_uris !== undefined && provider.secret === undefined) {
      return [
        `  - ${index}.secret: provider "${provider.id}" has "redirect_uris", so it needs a "secret" ` +
          '(16 characters or more): its server exchanges each code with it at siteverify',
      ];
    }
    const details = provider.scope.filter((scope) => scope !== 'status');
    if (details.length === 0 || provider.secret !== undefined) return [];
    const scopes = details.map((scope) => `"${scope}"`).join(' and ');
    return [
      `  - ${index}.secret: provider "${provider.id}" has ${scopes} in its scope, so it needs a "secret" ` +
        '(16 characters or more): its details are given only to its server, which sends the secret to siteverify',
    ];
  });
}

/** Validates a parsed registry; throws a `RegistryError` that names each problem and where it is. */
export function createRegistry(
  value: unknown,
  source = 'the provider registry',
  { plainHttp = 'loopback' }: RegistryOptions = {},
): ProviderRegistry {
  const parsed = RegistrySchema.safeParse(value);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => {
      const where = issue.path.length ? issue.path.join('.') : '(top level)';
      return `  - ${where}: ${issue.message}`;
    });
    throw new RegistryError(`${source} is not valid:\n${problems.join('\n')}`);
  }
  const unsafe = [
    ...(plainHttp === 'loopback' ? [...plainHttpOrigins(parsed.data), ...plainHttpRedirects(parsed.data)] : []),
    ...secretProblems(parsed.data),
  ];
  if (unsafe.length > 0) throw new RegistryError(`${source} is not valid:\n${unsafe.join('\n')}`);
  const byId = new Map(parsed.data.map((p) => [p.id, p]));
  return { get: (id) => byId.get(id), all: () => parsed.data };
}

/**
 * Reads a registry file (KYCVS_PROVIDERS); every failure becomes one clear `RegistryError`, which
 * never quotes the file: it holds providers' secrets.
 */
export function loadRegistryFile(path: string, options: RegistryOptions = {}): ProviderRegistry {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new RegistryError(`KYCVS_PROVIDERS=${path} cannot be read: ${(error as Error).message}`);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new RegistryError(`KYCVS_PROVIDERS=${path} is not valid JSON: ${jsonSyntaxError(text)}.`);
  }
  return createRegistry(value, `KYCVS_PROVIDERS=${path}`, options);
}

export function hasScope(provider: Provider, scope: Scope): boolean {
  return provider.scope.includes(scope);
}
