import { refusalWords, type Verdict } from './booking';

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

const statusWords: Record<string, string> = {
  FULLY_VACCINATED: 'Fully vaccinated',
  PARTIALLY_VACCINATED: 'Partially vaccinated',
  NOT_VACCINATED: 'Not vaccinated',
};

const time = (seconds: number) => new Date(seconds * 1000).toISOString().replace('.000Z', 'Z');

function verdictHtml(verdict: Verdict, postedStatus: string): string {
  if (!verdict.accepted) {
    return (
      `<p id="verdict" class="verdict refused" data-verdict="refused"><strong>Refused:</strong> ` +
      `<span id="verdict-reason" data-code="${verdict.code}">${escapeHtml(refusalWords[verdict.code])}</span>.</p>` +
      `<p>Do not rely on this booking's vaccination status. Ask the traveller to check again on the booking form.</p>`
    );
  }
  const { status, claims } = verdict;
  const mismatch =
    postedStatus === status
      ? ''
      : `<p id="status-mismatch"><strong>Note:</strong> the form's <code>kycvs-status</code> field says ` +
        `<code>${escapeHtml(postedStatus)}</code>, but the signed token says <code>${status}</code>. ` +
        `The token is right: the field is plain text that anyone can change.</p>`;
  return (
    `<p id="verdict" class="verdict accepted" data-verdict="accepted"><strong>Accepted:</strong> the signed token ` +
    `is genuine, was made for this agency, and says <strong>${statusWords[status]}</strong> ` +
    `(<code id="verdict-status">${status}</code>).</p>` +
    mismatch +
    `<p>Checked ${time(claims.iat)}; the token expires ${time(claims.exp)} and has now been used for this booking. ` +
    `The same person always gets the same <code>sub</code> here: <code>${escapeHtml(claims.sub)}</code>.</p>`
  );
}

/** The back office's page for one posted booking: the verdict first, then what the form carried. */
export function bookingPage(verdict: Verdict, posted: { status: string; token: string }): string {
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>Booking received — Demo Travel Agency back office</title>
    <link rel="stylesheet" href="/assets/demo.css" />
  </head>
  <body>
    <main>
      <h1>Booking received</h1>
      <section aria-labelledby="verdict-heading">
        <h2 id="verdict-heading">Vaccination check</h2>
        ${verdictHtml(verdict, posted.status)}
      </section>
      <h2>What the form carried</h2>
      <table>
        <tbody>
          <tr>
            <th scope="row"><code>kycvs-status</code></th>
            <td><strong id="received-status">${escapeHtml(posted.status)}</strong></td>
            <td>A plain form field: anyone can type any value into it. Shown for comparison only.</td>
          </tr>
          <tr>
            <th scope="row"><code>kycvs-token</code></th>
            <td><code id="received-token">${escapeHtml(posted.token)}</code></td>
            <td>The signed token (${posted.token.length} characters). The office must rely on this one: the verdict above comes from it.</td>
          </tr>
        </tbody>
      </table>
      <p><a href="/travel">Back to the booking form</a></p>
    </main>
  </body>
</html>`;
}
