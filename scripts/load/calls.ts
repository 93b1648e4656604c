import { PROVIDER, type LoadSystem } from './system';

/** One widget API call as the frame makes it: JSON, from the hosts' public origin. */
export async function postApi(
  system: LoadSystem,
  host: string,
  path: string,
  body: unknown,
): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(`${host}/api/kycvs${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: system.publicOrigin, 'sec-fetch-site': 'same-origin' },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

/** The newest OTP the stand-in "sent" to `mobile`. */
export async function lastOtp(system: LoadSystem, mobile: string): Promise<string> {
  const inbox = (await (await fetch(`${system.smsOrigin}/__dev__/sms?mobile=${mobile}`)).json()) as Array<{
    otp: string;
  }>;
  const last = inbox.at(-1);
  if (!last) throw new Error(`the stand-in sent no SMS to ${mobile}`);
  return last.otp;
}

export const askOtp = (system: LoadSystem, host: string, name: string, mobile: string) =>
  postApi(system, host, '/otp', { provider: PROVIDER, name, mobile });
export const verifyOtp = (system: LoadSystem, host: string, session: string, otp: string) =>
  postApi(system, host, '/verify', { provider: PROVIDER, session, otp });
