import { createHash } from 'node:crypto';
import { scrubBody } from './scrub';

/** One recorded answer, as mock-api/recorded-answers.json holds them. */
export interface Recording {
  name: string;
  call: 'generateOtp' | 'confirmOtp' | 'status';
  status: number;
  contentType: string;
  body: string;
  source: string;
}

export interface RecordOptions {
  /** COWIN_API_BASE, without a trailing slash. */
  base: string;
  apiKey: string;
  userAgent: string;
  /** The operator's test beneficiary: a mobile whose phone they hold, and its registered name. */
  mobile: string;
  name: string;
  /** Asks the operator for the OTP that reached the phone. */
  readOtp: () => Promise<string>;
  /** Says what it does, step by step. */
  say: (line: string) => void;
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/**
 * Asks the real CoWIN each question whose answer shape matters to the host (docs/cowin.md), and
 * returns the answers with personal data replaced (scrub.ts): a wrong key, a first and a second
 * OTP request, a mismatched name, a wrong OTP, the right one, the status, a dead token. It sends
 * one real SMS to the operator's own phone, and nothing to anyone else.
 */
export async function recordCowinAnswers(options: RecordOptions): Promise<Recording[]> {
  const { base, apiKey, userAgent, mobile, name, readOtp, say } = options;
  const source = `recorded ${new Date().toISOString().slice(0, 10)} by npm run cowin:record`;
  const recordings: Recording[] = [];
  async function ask(
    label: string,
    call: Recording['call'],
    path: string,
    init: { method: 'GET' | 'POST'; body?: unknown; headers?: Record<string, string>; key?: string },
  ): Promise<{ status: number; json: Record<string, unknown> | undefined }> {
    say(`${label}…`);
    const response = await fetch(`${base}${path}`, {
      method: init.method,
      redirect: 'error',
      headers: {
        accept: 'application/json',
        'user-agent': userAgent,
        'x-api-key': init.key ?? apiKey,
        ...(init.body ? { 'content-type': 'application/json' } : {}),
        ...init.headers,
      },
      ...(init.body ? { body: JSON.stringify(init.body) } : {}),
      signal: AbortSignal.timeout(30_000),
    });
    const text = await response.text();
    recordings.push({
      name: `recorded-${label.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`,
      call,
      status: response.status,
      contentType: (response.headers.get('content-type') ?? '').split(';')[0]!.trim(),
      body: scrubBody(text),
      source,
    });
    say(`  ${response.status} ${response.headers.get('content-type') ?? ''}`);
    try {
      return { status: response.status, json: JSON.parse(text) as Record<string, unknown> };
    } catch {
      return { status: response.status, json: undefined };
    }
  }

  const generate = (key?: string, fullName = name) => ({
    method: 'POST' as const,
    body: { mobile_number: mobile, full_name: fullName },
    ...(key === undefined ? {} : { key }),
  });
  await ask('generateOTP with a wrong key', 'generateOtp', '/v3/vaccination/generateOTP', generate('not-the-key'));
  const otherName = generate(undefined, 'Nobody Of This Name');
  await ask('generateOTP with another name', 'generateOtp', '/v3/vaccination/generateOTP', otherName);
  const first = await ask('generateOTP', 'generateOtp', '/v3/vaccination/generateOTP', generate());
  const again = await ask('generateOTP again at once', 'generateOtp', '/v3/vaccination/generateOTP', generate());
  // The OTP on the phone belongs to the newest transaction CoWIN opened: the second when it
  // replaced the first (as the mock does), else the first (when it answered "OTP Already Sent").
  const txnId = String(again.json?.['txnId'] ?? first.json?.['txnId'] ?? '');
  await ask('confirmOTP with a wrong OTP', 'confirmOtp', '/v3/vaccination/confirmOTP', {
    method: 'POST',
    body: { otp: sha256('000000'), txnId },
  });
  const otp = (await readOtp()).trim();
  const confirmed = await ask('confirmOTP', 'confirmOtp', '/v3/vaccination/confirmOTP', {
    method: 'POST',
    body: { otp: sha256(otp), txnId },
  });
  const token = String(confirmed.json?.['token'] ?? '');
  await ask('status', 'status', '/v3/vaccination/status', {
    method: 'GET',
    headers: { authorization: `Bearer ${token}` },
  });
  await ask('status with a dead token', 'status', '/v3/vaccination/status', {
    method: 'GET',
    headers: { authorization: 'Bearer not.a.token' },
  });
  return recordings;
}
