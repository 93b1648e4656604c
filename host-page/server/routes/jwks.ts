import type { Hono } from 'hono';
import type { JWK } from 'jose';

/**
 * `GET /.well-known/jwks.json`: the public keys providers verify status tokens with, the signing one
 * first; with KYCVS_SIGNING_KEY as a set, the next and previous keys too (README, "Rotating keys").
 */
export function jwksRoute(app: Hono, publicJwks: readonly JWK[]): void {
  app.get('/.well-known/jwks.json', (c) => {
    c.header('cache-control', 'public, max-age=300');
    c.header('access-control-allow-origin', '*');
    return c.json({ keys: publicJwks });
  });
}
