import { spawn, type ChildProcess } from 'node:child_process';
import { connect } from 'node:net';
import { freePort } from './free-port';

/** A real `redis-server` on a free loopback port, for tests and benchmarks (never a mock of Redis). */
export interface LocalRedis {
  port: number;
  url: string;
  /** Stops the server (SIGKILL when `crash`), keeping its port for `start`. */
  stop(options?: { crash?: boolean }): Promise<void>;
  /** Starts it again on the same port, empty: nothing is saved to disk. */
  start(): Promise<void>;
}

function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

async function until(condition: () => Promise<boolean>, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`${what} did not happen within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/**
 * Starts `redis-server` (`REDIS_SERVER_PATH`, else from PATH) with no persistence, bound to loopback.
 * It dies with this process too: it is our child, and `stop()` is also called on exit.
 */
export async function startLocalRedis(): Promise<LocalRedis> {
  const binary = process.env.REDIS_SERVER_PATH || 'redis-server';
  const port = await freePort();
  let child: ChildProcess | undefined;

  async function start(): Promise<void> {
    const spawned = spawn(
      binary,
      ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--loglevel', 'warning'],
      { stdio: ['ignore', 'ignore', 'pipe'] },
    );
    child = spawned;
    const failed = new Promise<never>((_, reject) => {
      spawned.once('error', (error: NodeJS.ErrnoException) =>
        reject(
          error.code === 'ENOENT'
            ? new Error(
                'redis-server is not installed: the Redis tests start a real one. ' +
                  'Install it (Debian: apt-get install -y redis-server, as .ci/run does) or set REDIS_SERVER_PATH.',
              )
            : error,
        ),
      );
      spawned.once('exit', (code) => reject(new Error(`redis-server exited (code ${code}) before it was ready`)));
    });
    await Promise.race([until(() => accepts(port), `redis-server on port ${port} accepting connections`), failed]);
    spawned.removeAllListeners('exit');
  }

  async function stop({ crash = false } = {}): Promise<void> {
    const running = child;
    child = undefined;
    if (!running || running.exitCode !== null) return;
    const exited = new Promise((resolve) => running.once('exit', resolve));
    running.kill(crash ? 'SIGKILL' : 'SIGTERM');
    await exited;
  }

  process.once('exit', () => child?.kill('SIGKILL'));
  await start();
  return { port, url: `redis://127.0.0.1:${port}`, stop, start };
}
