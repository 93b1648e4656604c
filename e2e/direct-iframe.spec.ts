import { completeVerification, demoOrigin, expect, hostOrigin, test, widgetFrame } from './fixtures';
import { people } from './people';
import { verifyAgainstJwks } from './token';

// Two fixture people share one mobile, and a new OTP replaces the old: one worker, one after another.
test.describe.configure({ mode: 'serial' });

// A portal embedding frame.html itself, with scope status + demographics + vaccinations.
for (const person of people) {
  test(`the portal verifies ${person.name}: ${person.answer}`, async ({ page, smsInbox, messages }) => {
    await page.goto(`${demoOrigin}/portal`);
    const frame = widgetFrame(page);
    await completeVerification(frame, smsInbox, person);
    await expect(frame.getByText(person.answer, { exact: true })).toBeVisible();

    await expect.poll(async () => (await messages.ofType('result')).length).toBe(1);
    const [message] = await messages.ofType('result');
    expect(message!.origin).toBe(hostOrigin);
    const result = (
      message!.data as {
        data: { status: string; token: string; beneficiary?: { name: string }; vaccinations?: unknown[] };
      }
    ).data;
    expect(result.status).toBe(person.status);
    expect(result.beneficiary?.name).toBe(person.name);
    expect(result.vaccinations).toHaveLength(person.doses);

    const { payload } = await verifyAgainstJwks(result.token, 'demo-irctc');
    expect(payload).toMatchObject({ aud: 'demo-irctc', status: person.status });

    const steps = (await messages.ofType('step')).map((m) => (m.data as { data: { step: string } }).data.step);
    expect(steps).toEqual(['otp', 'result']);
    expect(await messages.ofType('ready')).toHaveLength(1);
  });
}
