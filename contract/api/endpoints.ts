/** Where the widget's HTTP API is on the host. */
export const API_BASE = '/api/kycvs';

/**
 * Every endpoint of the host's API, by what it is for (docs/api.md): the widget's three calls,
 * which answer only the frame; siteverify, for providers' servers; embed-check, for debug mode on
 * any page.
 */
export const API_ENDPOINTS = {
  otp: `${API_BASE}/otp`,
  resend: `${API_BASE}/otp/resend`,
  verify: `${API_BASE}/verify`,
  siteverify: `${API_BASE}/siteverify`,
  embedCheck: `${API_BASE}/embed-check`,
} as const;

/** `GET /api/kycvs/embed-check?provider=…&origin=…`'s answer, for debug mode. */
export interface EmbedCheck {
  /** The provider id is registered. */
  provider: boolean;
  /** The origin is in its allowed_origins. */
  origin: boolean;
}
