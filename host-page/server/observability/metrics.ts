import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

/**
 * The host's Prometheus metrics (docs/operations.md, "Metrics"), every name starting `kycvs_`.
 * No label carries personal data: providers are registered ids (anything else is `unknown`),
 * outcomes are our error codes, CoWIN results are failure kinds.
 */
export interface HostMetrics {
  registry: Registry;
  /** A widget API call answered: `/otp`, `/otp/resend` or `/verify`, with `ok` or its error code. */
  apiCall(call: 'otp' | 'resend' | 'verify', provider: string, outcome: string): void;
  /** One CoWIN call: `ok`, or the failure's kind and reason (`limited`, `unavailable-timeout`, …). */
  cowinCall(call: string, result: string, seconds: number): void;
  /** A request refused by a rate-limit rule. */
  rateLimited(rule: string): void;
  /** A siteverify verdict: `success`, or its error code. */
  siteverify(result: string): void;
}

export interface MetricsOptions {
  /** The ids that may appear as a `provider` label. */
  isProvider: (id: string) => boolean;
  /** Live verifications, read at each scrape (the store's session keys). */
  liveSessions?: () => Promise<number>;
  /** @default true; tests that build many hosts in one process leave Node's own metrics out */
  processMetrics?: boolean;
}

export function createMetrics({ isProvider, liveSessions, processMetrics = true }: MetricsOptions): HostMetrics {
  const registry = new Registry();
  if (processMetrics) collectDefaultMetrics({ register: registry, prefix: 'kycvs_' });
  const calls = new Counter({
    name: 'kycvs_api_calls_total',
    help: 'Widget API calls answered, by call, provider and outcome (ok or an error code).',
    labelNames: ['call', 'provider', 'outcome'] as const,
    registers: [registry],
  });
  const verifications = new Counter({
    name: 'kycvs_verifications_total',
    help: 'Verifications that ended at Verify, by provider and outcome (ok or an error code).',
    labelNames: ['provider', 'outcome'] as const,
    registers: [registry],
  });
  const cowinCalls = new Counter({
    name: 'kycvs_cowin_calls_total',
    help: 'Calls to CoWIN by call and result (ok, or the failure kind).',
    labelNames: ['call', 'result'] as const,
    registers: [registry],
  });
  const cowinSeconds = new Histogram({
    name: 'kycvs_cowin_call_duration_seconds',
    help: 'How long CoWIN took to answer, by call.',
    labelNames: ['call'] as const,
    buckets: [0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 30],
    registers: [registry],
  });
  const refused = new Counter({
    name: 'kycvs_rate_limited_total',
    help: 'Requests refused by a rate-limit rule, by rule.',
    labelNames: ['rule'] as const,
    registers: [registry],
  });
  const verdicts = new Counter({
    name: 'kycvs_siteverify_total',
    help: 'siteverify verdicts, by result (success or an error code).',
    labelNames: ['result'] as const,
    registers: [registry],
  });
  if (liveSessions) {
    new Gauge({
      name: 'kycvs_live_sessions',
      help: 'Verifications between Get OTP and their end, on all hosts sharing the store.',
      registers: [registry],
      async collect() {
        this.set(await liveSessions().catch(() => Number.NaN));
      },
    });
  }
  const provider = (id: string) => (isProvider(id) ? id : 'unknown');
  return {
    registry,
    apiCall(call, id, outcome) {
      calls.inc({ call, provider: provider(id), outcome });
      if (call === 'verify') verifications.inc({ provider: provider(id), outcome });
    },
    cowinCall(call, result, seconds) {
      cowinCalls.inc({ call, result });
      cowinSeconds.observe({ call }, seconds);
    },
    rateLimited: (rule) => refused.inc({ rule }),
    siteverify: (result) => verdicts.inc({ result }),
  };
}
