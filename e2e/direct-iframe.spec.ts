import { completeVerification, demoOrigin, expect, hostOrigin, test, widgetFrame } from './fixtures';
import { people } from './people';
import { verifyAgainstJwks } from './token';

type Person = (typeof people)[number];

// A portal embedding frame.html itself, with scope status + demographics + vaccinations.
function portalVerifies(person: Person) {
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

// A new OTP replaces the old one per mobile: people who share a mobile (Suresh and Kavita Patil)
// are verified one after another, in one worker; everyone else side by side.
const byMobile = new Map<string, Person[]>();
for (const person of people) byMobile.set(person.mobile, [...(byMobile.get(person.mobile) ?? []), person]);
for (const [mobile, sharing] of byMobile) {
  if (sharing.length === 1) portalVerifies(sharing[0]!);
  else
    test.describe(`the people of ${mobile}, one after another`, () => {
      test.describe.configure({ mode: 'serial' });
      sharing.forEach(portalVerifies);
    });
}
