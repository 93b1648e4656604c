import type { Hono } from 'hono';
import type { SigningKey } from '../token';

/** `GET /.well-known/jwks.json`: the public key providers verify status tokens with. */
export function jwksRoute(app: Hono, key: SigningKey): void {
  app.get('/.well-known/jwks.json', (c) => {
    c.header('cache-control', 'public, max-age=300');
    c.header('access-control-allow-origin', '*');
    return c.json({ keys: [key.publicJwk] });
  });
}
