import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** A port no one listens on now, picked by the system. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

async function waitFor(url: string, child: { exitCode: number | null }, deadline: number): Promise<void> {
  while (Date.now() < deadline) {
    if (child.exitCode !== null)
      throw new Error(`the host server stopped (exit code ${child.exitCode}) before ${url} answered.`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${url} did not answer within 30 s.`);
}

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
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    DEMO_PORT: String(demoPort),
    KYCVS_PUBLIC_ORIGIN: host,
    KYCVS_DIST_DIR: distDir,
  };
  // Mock mode and the bundled demo providers, whatever this shell has set.
  for (const name of ['COWIN_API_BASE', 'COWIN_API_KEY', 'KYCVS_PROVIDERS', 'KYCVS_RATE_LIMITS']) delete env[name];
  const child = spawn(process.execPath, ['--import', 'tsx', 'host-page/server/main.ts'], {
    cwd: root,
    env,
    // One JSON line per request on stdout: not wanted here. Its stderr (the fresh-signing-key
    // warning, or why it stopped) is kept, for the error when it does not start.
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-4000)));
  // However the bench ends, the server it started ends with it.
  const killOnExit = () => child.kill('SIGTERM');
  process.once('exit', killOnExit);
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve();
      process.off('exit', killOnExit);
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
  try {
    const deadline = Date.now() + 30_000;
    await waitFor(`${host}/embed.js`, child, deadline);
    await waitFor(`http://localhost:${demoPort}/bench/widget`, child, deadline);
  } catch (error) {
    await stop();
    throw new Error(`${(error as Error).message}${stderr ? `\nThe host server said:\n${stderr}` : ''}`);
  }
  return { host, demo: `http://localhost:${demoPort}`, stop };
}
