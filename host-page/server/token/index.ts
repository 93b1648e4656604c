export { loadSigningKey, loadSigningKeys, type SigningKey, type SigningKeys } from './keys';
export { loadSubjectSecret, SUBJECT_SECRET_MIN_LENGTH } from './subject-secret';
export {
  signStatusToken,
  subjectFor,
  STATUS_TOKEN_TYPE,
  STATUS_TOKEN_TTL_SECONDS,
  statusTokenExpiry,
  type StatusClaims,
} from './status-token';
