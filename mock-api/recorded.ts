import recorded from './recorded-answers.json' with { type: 'json' };

export type RecordedCall = 'generateOtp' | 'confirmOtp' | 'status';

/** One answer shape of CoWIN or its gateway, with where it comes from (recorded-answers.json). */
export interface RecordedAnswer {
  name: string;
  call: RecordedCall;
  status: number;
  contentType: string;
  body: string;
  source: string;
}

/** Every recorded shape: the contract the host's client and this mock are held to (docs/cowin.md). */
export const recordedAnswers = recorded.answers as RecordedAnswer[];

export function recordedAnswer(name: string): RecordedAnswer {
  const answer = recordedAnswers.find((entry) => entry.name === name);
  if (!answer) throw new Error(`no recorded answer named "${name}" in mock-api/recorded-answers.json`);
  return answer;
}

/** The answer as a `Response`, byte for byte as recorded. */
export function recordedResponse(name: string): Response {
  const { status, contentType, body } = recordedAnswer(name);
  return new Response(body, { status, headers: { 'content-type': contentType } });
}
