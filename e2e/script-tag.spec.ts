import { completeVerification, demoOrigin, expect, hostOrigin, test, widgetFrame } from './fixtures';
import { verifyAgainstJwks } from './token';

// A travel agency's page: the script tag and the div inside a <form>, no code of their own.
test('a fully vaccinated traveller is verified and the form carries a signed result', async ({
  page,
  smsInbox,
  messages,
}) => {
  const urls: string[] = [];
  page.on('request', (request) => urls.push(request.url()));
  await page.goto(`${demoOrigin}/travel`);
  const container = page.locator('.kycvs[data-provider="demo-travel"]');
  const resultEvent = container.evaluate(
    (el) =>
      new Promise<unknown>((resolve) => el.addEventListener('kycvs:result', (e) => resolve((e as CustomEvent).detail))),
  );
  const frame = widgetFrame(page);
  await expect(frame.getByText('Demo Travel Agency').first()).toBeVisible();

  await completeVerification(frame, smsInbox, { name: 'Lakshmi Narayanan', mobile: '9445566778' });
  await expect(frame.getByText('Fully vaccinated', { exact: true })).toBeVisible();

  const token = page.locator('form input[type="hidden"][name="kycvs-token"]');
  const status = page.locator('form input[type="hidden"][name="kycvs-status"]');
  await expect(status).toHaveValue('FULLY_VACCINATED');
  const tokenValue = await token.inputValue();
  const { payload, protectedHeader } = await verifyAgainstJwks(tokenValue, 'demo-travel');
  expect(protectedHeader).toMatchObject({ alg: 'ES256', typ: 'kycvs-status+jwt' });
  expect(payload).toMatchObject({ iss: hostOrigin, aud: 'demo-travel', status: 'FULLY_VACCINATED', vs: 2 });
  expect(payload.exp! - payload.iat!).toBeLessThanOrEqual(300);
  expect(payload.sub).not.toContain('9445566778');

  // Scope `status` only: neither the event nor the message carries who it was.
  const detail = (await resultEvent) as Record<string, unknown>;
  expect(detail).toEqual({
    status: 'FULLY_VACCINATED',
    token: tokenValue,
    ref: expect.stringMatching(/^[0-9A-HJKMNP-TV-Z]{8}$/),
  });
  const results = await messages.ofType('result');
  expect(results).toHaveLength(1);
  expect(results[0]!.origin).toBe(hostOrigin);
  expect(JSON.stringify(await messages.all())).not.toMatch(/9445566778|Lakshmi/);

  // No personal data in any URL the page or the frame asked for, nor in storage or cookies.
  const personal = /9445566778|Lakshmi|Narayanan/i;
  expect(urls.map(decodeURIComponent).filter((url) => personal.test(url))).toEqual([]);
  for (const context of [page, page.frames().find((f) => f.url().includes('/frame.html'))!]) {
    const stored = await context.evaluate(() => ({
      local: JSON.stringify({ ...localStorage }),
      session: JSON.stringify({ ...sessionStorage }),
      cookie: document.cookie,
    }));
    expect(stored).toEqual({ local: '{}', session: '{}', cookie: '' });
  }
  expect(await page.context().cookies()).toEqual([]);

  // A plain form post carries the result to the back office, which verifies the token itself
  // (verifyStatusToken against the host's JWKS) and believes only what it says.
  await page.getByRole('button', { name: 'Confirm booking' }).click();
  await page.waitForURL(`${demoOrigin}/booking`);
  await expect(page.locator('#received-status')).toHaveText('FULLY_VACCINATED');
  await expect(page.locator('#received-token')).toHaveText(tokenValue);
  await expect(page.locator('#verdict')).toHaveAttribute('data-verdict', 'accepted');
  await expect(page.locator('#verdict-status')).toHaveText('FULLY_VACCINATED');
  await expect(page.locator('#status-mismatch')).toHaveCount(0);

  // The same token posted again, as a replayed form would: a token is good for one booking only.
  await page.evaluate((token) => {
    const form = Object.assign(document.createElement('form'), { method: 'post', action: '/booking' });
    for (const [name, value] of [
      ['kycvs-token', token],
      ['kycvs-status', 'FULLY_VACCINATED'],
    ]) {
      form.append(Object.assign(document.createElement('input'), { type: 'hidden', name, value }));
    }
    document.body.append(form);
    form.submit();
  }, tokenValue);
  await expect(page.locator('#verdict')).toHaveAttribute('data-verdict', 'refused');
  await expect(page.locator('#verdict-reason')).toHaveAttribute('data-code', 'ALREADY_USED');
  await expect(page.locator('#verdict-status')).toHaveCount(0);
});
