interface WebOtpFacts {
  /** CoWIN's own page: top-level on the host's origin. */
  standalone: boolean;
  /** The provider's registered origins. */
  allowedOrigins: readonly string[];
  /** The parent origin the frame says it has (its config's, verified against `ancestorOrigins`). */
  parentOrigin: string | undefined;
  /** The host's public origin, where the frame (or CoWIN's own page) is. */
  ownOrigin: string;
}

/**
 * The origins for the SMS's origin-bound line (https://wicg.github.io/web-otp/#sms): the top-level
 * page's, then the frame's (the host's own) when they differ. Undefined: no line.
 *
 * `parentOrigin` comes from the frame's request body, so it is a claim. The host cannot tie an API
 * call to the frame.html it served (no cookies, by design), so it takes the claim only when it is
 * one of the provider's `allowedOrigins`, and it affects nothing but this line. The browser itself
 * checks the line against the real top-level origin before it hands the code to the page, so a
 * false claim only stops the autofill; the OTP can still be typed, and it still works.
 */
export function webOtpOrigins({
  standalone,
  allowedOrigins,
  parentOrigin,
  ownOrigin,
}: WebOtpFacts): readonly string[] | undefined {
  if (standalone) return [ownOrigin];
  if (parentOrigin === undefined || !allowedOrigins.includes(parentOrigin)) return undefined;
  return parentOrigin === ownOrigin ? [ownOrigin] : [parentOrigin, ownOrigin];
}
