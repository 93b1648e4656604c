import { freePort } from '../cluster/free-port';
import { startHostProcess } from '../cluster/host-process';

export interface Servers {
  host: string;
  demo: string;
  stop(): Promise<void>;
}

/**
 * The real host and demo servers (host-page/server/main.ts) in mock mode with the bundled
 * registry, on free ports, serving the build in `distDir`: the bench never meets a server someone
 * else left on 5173/5174.
 */
export async function startServers(distDir: string): Promise<Servers> {
  const port = await freePort();
  const demoPort = await freePort();
  const host = `http://127.0.0.1:${port}`;
  const demo = `http://localhost:${demoPort}`;
  // Mock mode and the bundled demo providers, whatever this shell has set.
  const unset = {
    COWIN_API_BASE: '',
    COWIN_API_KEY: '',
    KYCVS_PROVIDERS: '',
    KYCVS_RATE_LIMITS: '',
    KYCVS_REDIS_URL: '',
  };
  const server = await startHostProcess({
    port,
    env: { ...unset, DEMO_PORT: String(demoPort), KYCVS_PUBLIC_ORIGIN: host, KYCVS_DIST_DIR: distDir },
    readyUrls: [`${host}/embed.js`, `${demo}/bench/widget`],
  });
  return { host, demo, stop: () => server.stop() };
}
