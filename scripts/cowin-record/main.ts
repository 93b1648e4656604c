import { readFileSync, writeFileSync } from 'node:fs';
import { createInterface } from 'node:readline/promises';
import { fileURLToPath } from 'node:url';
import { recordCowinAnswers } from './record';

/**
 * `npm run cowin:record`: for an operator with real CoWIN credentials and a test beneficiary whose
 * phone they hold, never in CI. Records how the real CoWIN answers into
 * mock-api/recorded-answers.json, personal data replaced; each new shape then needs its reading in
 * host-page/server/cowin/recorded-answers.test.ts (docs/cowin.md, "Recording CoWIN's answers").
 */
const need = (name: string) => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set (docs/cowin.md, "Recording CoWIN's answers").`);
  return value;
};

async function main() {
  if (process.env.CI)
    throw new Error('cowin:record talks to the real CoWIN and sends a real SMS: it never runs in CI.');
  if (!process.stdin.isTTY) throw new Error('cowin:record asks for the OTP on the terminal: run it in one.');
  const prompt = createInterface({ input: process.stdin, output: process.stdout });
  try {
    const recordings = await recordCowinAnswers({
      base: need('COWIN_API_BASE').replace(/\/+$/, ''),
      apiKey: need('COWIN_API_KEY'),
      userAgent: process.env.COWIN_USER_AGENT || 'Mozilla/5.0 (compatible; kycvs-host/1.0)',
      mobile: need('COWIN_RECORD_MOBILE'),
      name: need('COWIN_RECORD_NAME'),
      readOtp: () => prompt.question('The OTP that reached the phone: '),
      say: (line) => console.log(line),
    });
    const file = fileURLToPath(new URL('../../mock-api/recorded-answers.json', import.meta.url));
    const recorded = JSON.parse(readFileSync(file, 'utf8')) as { answers: Array<{ name: string }> };
    const names = new Set(recordings.map((r) => r.name));
    recorded.answers = [...recorded.answers.filter((a) => !names.has(a.name)), ...recordings];
    writeFileSync(file, `${JSON.stringify(recorded, null, 2)}\n`);
    console.log(`\n${recordings.length} answers written to mock-api/recorded-answers.json, personal data replaced.`);
    console.log(
      'Read them before committing, and give each its reading in host-page/server/cowin/recorded-answers.test.ts.',
    );
  } finally {
    prompt.close();
  }
}

main().catch((error: Error) => {
  console.error(`cowin:record: ${error.message}`);
  process.exit(1);
});
