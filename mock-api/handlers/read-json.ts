import type * as z from 'zod/mini';

/** The request's JSON body parsed by `schema`, or `undefined` when it is not JSON or not valid. */
export async function readJson<T extends z.ZodMiniType>(request: Request, schema: T): Promise<z.infer<T> | undefined> {
  let body: unknown;
  try {
    body = await request.json();
  } catch {
    return undefined;
  }
  const parsed = schema.safeParse(body);
  return parsed.success ? parsed.data : undefined;
}
