import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { freePort } from './free-port';

const root = fileURLToPath(new URL('../..', import.meta.url));

export interface HostProcess {
  port: number;
  origin: string;
  /** Ends the host: SIGTERM, or SIGKILL when `crash` (a host that dies without a word). */
  stop(options?: { crash?: boolean }): Promise<void>;
  /** Starts it again on the same port and environment. */
  start(): Promise<void>;
  /** The last few KB it wrote on stderr (warnings, or why it stopped). */
  stderr(): string;
}

export interface HostProcessOptions {
  /** Added to this process's environment (PORT is set here). */
  env: Record<string, string>;
  /** @default a free port */
  port?: number;
  /** URLs that must answer 200 before the host counts as started. @default its `/embed.js` */
  readyUrls?: string[];
  /** The script to run, from the repository's root. @default 'host-page/server/main.ts' */
  script?: string;
}

async function until(ready: () => Promise<boolean>, child: ChildProcess, what: string, deadline: number) {
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`the host stopped (${child.exitCode ?? child.signalCode}) before ${what} answered`);
    }
    if (await ready().catch(() => false)) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`${what} did not answer within 30 s`);
}

/**
 * The real host (host-page/server/main.ts) as a child process, the way an operator runs it: for the
 * tests of several hosts, the e2e cluster and the load bench. It dies with this process.
 */
export async function startHostProcess(options: HostProcessOptions): Promise<HostProcess> {
  const port = options.port ?? (await freePort());
  const origin = `http://127.0.0.1:${port}`;
  const readyUrls = options.readyUrls ?? [`${origin}/embed.js`];
  let child: ChildProcess | undefined;
  let stderr = '';

  async function start(): Promise<void> {
    const spawned = spawn(process.execPath, ['--import', 'tsx', options.script ?? 'host-page/server/main.ts'], {
      cwd: root,
      env: { ...process.env, ...options.env, PORT: String(port) },
      // One JSON line per request on stdout: not wanted here.
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    child = spawned;
    spawned.stderr!.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-4000)));
    const deadline = Date.now() + 30_000;
    try {
      for (const url of readyUrls) await until(async () => (await fetch(url)).ok, spawned, url, deadline);
    } catch (error) {
      await stop();
      throw new Error(`${(error as Error).message}${stderr ? `\nThe host said:\n${stderr}` : ''}`);
    }
  }

  async function stop({ crash = false } = {}): Promise<void> {
    const running = child;
    child = undefined;
    if (!running || running.exitCode !== null || running.signalCode !== null) return;
    const exited = new Promise((resolve) => running.once('exit', resolve));
    running.kill(crash ? 'SIGKILL' : 'SIGTERM');
    await exited;
  }

  process.once('exit', () => child?.kill('SIGKILL'));
  await start();
  return { port, origin, stop, start, stderr: () => stderr };
}
