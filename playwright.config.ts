import { defineConfig, devices } from '@playwright/test';
import { writeE2eRegistry } from './e2e/providers';
import { CHROMIUM_ARGS, findChromium } from './scripts/chromium';

export const HOST_PORT = Number(process.env.E2E_PORT ?? 5184);
export const DEMO_PORT = Number(process.env.E2E_DEMO_PORT ?? 5183);
/** The two-host cluster (e2e/cluster/serve.ts): the proxy in front of the hosts, its demo site, its CoWIN stand-in. */
export const CLUSTER_PORT = Number(process.env.E2E_CLUSTER_PORT ?? 5186);
export const CLUSTER_DEMO_PORT = Number(process.env.E2E_CLUSTER_DEMO_PORT ?? 5187);
export const CLUSTER_COWIN_PORT = Number(process.env.E2E_CLUSTER_COWIN_PORT ?? 5188);

const executablePath = findChromium(process.env, { headlessShell: true });

/**
 * e2e tests run the real host and demo servers (mock CoWIN) on their own ports, so that a demo
 * left running on 5173/5174 does not get in the way.
 */
export default defineConfig({
  testDir: './e2e',
  forbidOnly: !!process.env.CI,
  workers: 2,
  fullyParallel: true,
  retries: 0,
  // The first test of a worker loads a cold frame (and a language chunk): give it room on a busy machine.
  expect: { timeout: 10_000 },
  // A whole flow waits out the OTP floor and several round trips; on a loaded machine 30 s is too tight.
  timeout: 60_000,
  reporter: 'list',
  // A trace of every test cost a fifth of the run on 2 cores: recorded only when asked (E2E_TRACE=1,
  // kept for the tests that fail). A failing test's screenshot is always kept.
  use: { trace: process.env.E2E_TRACE ? 'retain-on-failure' : 'off', screenshot: 'only-on-failure' },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        launchOptions: {
          ...(executablePath ? { executablePath } : {}),
          args: CHROMIUM_ARGS,
        },
      },
    },
  ],
  webServer: [
    {
      command: 'node --import tsx host-page/server/main.ts',
      url: `http://127.0.0.1:${HOST_PORT}/embed.js`,
      // Added to this process's environment, which the server inherits: KYCVS_DIST_DIR, when set,
      // points it at the build under test (and E2E_PORT / E2E_DEMO_PORT move both servers).
      env: {
        PORT: String(HOST_PORT),
        DEMO_PORT: String(DEMO_PORT),
        KYCVS_PUBLIC_ORIGIN: `http://127.0.0.1:${HOST_PORT}`,
        KYCVS_PROVIDERS: writeE2eRegistry(DEMO_PORT),
        // No floor under the OTP step: no test here measures its timing (the unit tests in
        // host-page/server/routes/no-enumeration.test.ts do), and every flow would wait it out.
        KYCVS_OTP_MIN_MS: '0',
      },
      reuseExistingServer: !process.env.CI,
      stdout: 'ignore',
      stderr: 'pipe',
      timeout: 30_000,
    },
    {
      // Two hosts on one Redis behind one origin, for cluster.spec.ts.
      command: 'node --import tsx e2e/cluster/serve.ts',
      url: `http://127.0.0.1:${CLUSTER_PORT}/embed.js`,
      env: {
        E2E_CLUSTER_PORT: String(CLUSTER_PORT),
        E2E_CLUSTER_DEMO_PORT: String(CLUSTER_DEMO_PORT),
        E2E_CLUSTER_COWIN_PORT: String(CLUSTER_COWIN_PORT),
      },
      reuseExistingServer: !process.env.CI,
      stdout: 'ignore',
      stderr: 'pipe',
      timeout: 60_000,
    },
  ],
});
