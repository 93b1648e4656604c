import { readFileSync } from 'node:fs';
import * as z from 'zod/mini';
import { ScopeSchema, type Scope } from '../../../widget/protocol';

/** An exact http(s) origin, as the browser writes it: scheme, host and optional port, nothing after. */
export function isExactOrigin(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.origin === value;
  } catch {
    return false;
  }
}

const OriginSchema = z
  .string()
  .check(
    z.refine(
      isExactOrigin,
      'must be an exact origin such as "https://agency.example" (scheme and host, no path or trailing slash)',
    ),
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
  /** When set, siteverify requires it (as Turnstile's secret key). */
  secret: z.optional(z.string().check(z.minLength(16))),
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

/** Validates a parsed registry; throws a `RegistryError` that names each problem and where it is. */
export function createRegistry(value: unknown, source = 'the provider registry'): ProviderRegistry {
  const parsed = RegistrySchema.safeParse(value);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => {
      const where = issue.path.length ? issue.path.join('.') : '(top level)';
      return `  - ${where}: ${issue.message}`;
    });
    throw new RegistryError(`${source} is not valid:\n${problems.join('\n')}`);
  }
  const byId = new Map(parsed.data.map((p) => [p.id, p]));
  return { get: (id) => byId.get(id), all: () => parsed.data };
}

/** Reads a registry file (KYCVS_PROVIDERS); every failure becomes one clear `RegistryError`. */
export function loadRegistryFile(path: string): ProviderRegistry {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new RegistryError(`KYCVS_PROVIDERS=${path} cannot be read: ${(error as Error).message}`);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new RegistryError(`KYCVS_PROVIDERS=${path} is not valid JSON: ${(error as Error).message}`);
  }
  return createRegistry(value, `KYCVS_PROVIDERS=${path}`);
}

export function hasScope(provider: Provider, scope: Scope): boolean {
  return provider.scope.includes(scope);
}
