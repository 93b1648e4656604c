/**
 * What the client needs to read the host's answers: the parser and the schemas. Its own chunk,
 * loaded by client.ts with the first request (and fetched early, once the form is shown), so that
 * zod/mini is not in the frame's first load.
 */
export { VerifyAnswerSchema } from '../../contract';
export { postJson } from './post-json';
export { OtpResponseSchema } from '../../contract';
