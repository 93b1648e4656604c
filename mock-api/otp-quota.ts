/** CoWIN's cap: at most 50 OTPs for one mobile in any 24 hours. */
export const OTP_QUOTA = { limit: 50, windowMs: 24 * 60 * 60 * 1000 } as const;

export type QuotaOutcome = { ok: true } | { ok: false; retryAfterSeconds: number };

/**
 * A sliding 24-hour window of OTP requests per mobile. It counts every request with a valid body,
 * registered mobile or not, so that hitting the limit says nothing about registration.
 */
export interface OtpQuota {
  take(mobile: string, now: number): QuotaOutcome;
  clear(): void;
}

export function createOtpQuota({ limit, windowMs } = OTP_QUOTA): OtpQuota {
  const requests = new Map<string, number[]>();
  return {
    take(mobile, now) {
      const recent = (requests.get(mobile) ?? []).filter((at) => now - at < windowMs);
      requests.set(mobile, recent);
      if (recent.length >= limit) {
        // The oldest counted request leaves the window first; that is when one more fits.
        const oldest = recent[recent.length - limit] ?? now;
        return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((oldest + windowMs - now) / 1000)) };
      }
      recent.push(now);
      return { ok: true };
    },
    clear: () => requests.clear(),
  };
}
