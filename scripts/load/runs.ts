import { performance } from 'node:perf_hooks';
import type { FixtureBeneficiary } from '../../mock-api';
import { askOtp, lastOtp, verifyOtp } from './calls';
import type { LoadSystem } from './system';

/** `count` jobs by `concurrency` workers at once; each job gets its index. */
async function inParallel(count: number, concurrency: number, job: (index: number) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < count) await job(next++);
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, worker));
}

export interface FlowRun {
  flows: number;
  elapsedMs: number;
  /** Each full verification's time: Get OTP, the SMS read, Verify. */
  latenciesMs: number[];
}

/**
 * Full verifications by the given people, `concurrency` at a time: Get OTP on one host, the OTP from
 * the stand-in's SMS, Verify on the next host (with two hosts, never the one that sent the OTP).
 * Any answer but a signed result stops the run: a refusal would flatter the figures.
 */
export async function verifyPeople(
  system: LoadSystem,
  people: readonly FixtureBeneficiary[],
  concurrency: number,
): Promise<FlowRun> {
  const latenciesMs: number[] = [];
  const { hosts } = system;
  const started = performance.now();
  await inParallel(people.length, concurrency, async (index) => {
    const person = people[index]!;
    const began = performance.now();
    const sent = await askOtp(system, hosts[index % hosts.length]!, person.name, person.mobile);
    if (sent.status !== 200) throw new Error(`Get OTP answered ${sent.status}: ${JSON.stringify(sent.body)}`);
    const otp = await lastOtp(system, person.mobile);
    const result = await verifyOtp(system, hosts[(index + 1) % hosts.length]!, String(sent.body['session']), otp);
    if (result.status !== 200) throw new Error(`Verify answered ${result.status}: ${JSON.stringify(result.body)}`);
    latenciesMs.push(performance.now() - began);
  });
  return { flows: people.length, elapsedMs: performance.now() - started, latenciesMs };
}

/**
 * `count` verifications begun and never finished, as an attacker or a busy day leaves them: Get OTP
 * for made-up mobiles no one has registered (so no SMS goes), each a session the host must keep.
 */
export async function abandonSessions(system: LoadSystem, count: number, concurrency: number): Promise<void> {
  await inParallel(count, concurrency, async (index) => {
    const mobile = String(8_000_000_000 + index);
    const sent = await askOtp(system, system.hosts[index % system.hosts.length]!, 'Nobody Registered', mobile);
    if (sent.status !== 200) throw new Error(`Get OTP answered ${sent.status}: ${JSON.stringify(sent.body)}`);
  });
}
