import type { SiteverifyVerdict } from '../sdk';
import { escapeHtml } from './booking-page';

const statusWords: Record<string, string> = {
  FULLY_VACCINATED: 'Fully vaccinated',
  PARTIALLY_VACCINATED: 'Partially vaccinated',
  NOT_VACCINATED: 'Not vaccinated',
};

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>${title} — Demo Rail app</title>
    <link rel="stylesheet" href="/assets/demo.css" />
  </head>
  <body>
    <main>
${body}
    </main>
  </body>
</html>`;
}

/** The app's start: one button that sends the person to CoWIN's page in redirect mode. */
export function appStartPage(): string {
  return page(
    'Check your vaccination status',
    `      <h1>Demo Rail app</h1>
      <p>
        This page plays an app or a kiosk that cannot embed the widget (a WebView, a page that forbids frames). It
        sends the traveller to CoWIN's own page in <strong>redirect mode</strong> (docs/redirect.md); CoWIN sends them
        back here with a one-time code, which this site's back office exchanges, with its secret, for the verdict.
      </p>
      <form method="post" action="/app/start">
        <p>
          <label>Provider
            <select name="provider">
              <option value="demo-irctc">demo-irctc (the mock CoWIN's people)</option>
              <option value="demo-test">demo-test (test identities, OTP 000000)</option>
            </select>
          </label>
        </p>
        <button type="submit">Verify with CoWIN</button>
      </form>
      <p><a href="/">All demo pages</a></p>`,
  );
}

export type AppOutcome =
  | { kind: 'verdict'; verdict: SiteverifyVerdict }
  | { kind: 'cancelled'; error: string }
  | { kind: 'bad-state' }
  | { kind: 'unreachable'; why: string };

function outcomeHtml(outcome: AppOutcome): string {
  switch (outcome.kind) {
    case 'bad-state':
      return (
        `<p id="verdict" data-verdict="bad-state"><strong>Refused:</strong> this return does not match a check this ` +
        `app started (its <code>state</code> is not ours, or was used already). Nothing was exchanged.</p>`
      );
    case 'cancelled':
      return (
        `<p id="verdict" data-verdict="cancelled"><strong>Not checked:</strong> the traveller came back without a ` +
        `result (<code id="return-error">${escapeHtml(outcome.error)}</code>).</p>`
      );
    case 'unreachable':
      return `<p id="verdict" data-verdict="unreachable"><strong>No answer</strong> from the CoWIN host (${escapeHtml(outcome.why)}): try again.</p>`;
    case 'verdict': {
      const { verdict } = outcome;
      if (!verdict.success) {
        return (
          `<p id="verdict" data-verdict="refused"><strong>Refused:</strong> siteverify answered ` +
          `<code id="error-codes">${escapeHtml(verdict['error-codes'].join(', '))}</code>.</p>`
        );
      }
      const rows: Array<[string, string]> = [
        ['status', verdict.status],
        ['aud', verdict.aud],
        ['sub', verdict.sub],
        ['origin', verdict.origin ?? '(none)'],
        ['test', verdict.test ? 'true' : '(no)'],
        ['beneficiary', verdict.beneficiary ? verdict.beneficiary.name : '(not in scope)'],
        [
          'vaccinations',
          verdict.vaccinations
            ? verdict.vaccinations.map((v) => `${v.vaccine} ${v.date}`).join('; ') || '(none)'
            : '(not in scope)',
        ],
      ];
      return (
        `<p id="verdict" data-verdict="accepted"><strong>Accepted:</strong> ` +
        `<strong id="verdict-status" data-status="${verdict.status}">${statusWords[verdict.status]}</strong>.</p>` +
        `<table><tbody>${rows
          .map(
            ([name, value]) =>
              `<tr><th scope="row"><code>${name}</code></th><td id="claim-${name}">${escapeHtml(value)}</td></tr>`,
          )
          .join('')}</tbody></table>`
      );
    }
  }
}

/** What the back office made of the return: the verdict of the code's exchange, or why there was none. */
export function appReturnPage(outcome: AppOutcome): string {
  return page(
    'Vaccination check',
    `      <h1>Vaccination check</h1>
      <p>What this app's back office got from exchanging the code at siteverify, with its secret (server to server).</p>
      ${outcomeHtml(outcome)}
      <p><a href="/app">Check someone else</a></p>`,
  );
}
