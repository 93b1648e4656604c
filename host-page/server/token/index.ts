export { loadSigningKey, type SigningKey } from './keys';
export {
  signStatusToken,
  subjectFor,
  STATUS_TOKEN_TYPE,
  STATUS_TOKEN_TTL_SECONDS,
  type StatusClaims,
} from './status-token';
