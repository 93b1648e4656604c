import type { Server } from 'node:http';

export interface DrainOptions {
  /** `KYCVS_SHUTDOWN_SECONDS`: how long requests in flight may take to finish. */
  seconds: number;
  /** The drain begins: `/readyz` answers 503 from now on, so balancers send nothing new. */
  onStart: (signal: string) => void;
  /** Every server is closed (or the time is up): close the store, then the process ends with 0. */
  onDone: (timedOut: boolean) => Promise<void>;
}

/**
 * On SIGTERM or SIGINT (a deploy, a scale-down, Ctrl-C): stop accepting connections, let the
 * requests in flight finish, for at most `seconds`, then end. Idle keep-alive connections are
 * closed as they go idle, so a client between two requests does not hold the host open; at the
 * deadline whatever is left is cut. A second signal while draining changes nothing.
 */
export function drainOnSignals(servers: readonly Server[], options: DrainOptions): void {
  let draining = false;
  const drain = (signal: string) => {
    if (draining) return;
    draining = true;
    options.onStart(signal);
    let open = servers.length;
    let finished = false;
    const finish = (timedOut: boolean) => {
      if (finished) return;
      finished = true;
      clearInterval(sweeper);
      clearTimeout(deadline);
      void options.onDone(timedOut).finally(() => process.exit(0));
    };
    for (const server of servers) {
      server.close(() => {
        open -= 1;
        if (open === 0) finish(false);
      });
      server.closeIdleConnections();
    }
    const sweeper = setInterval(() => servers.forEach((server) => server.closeIdleConnections()), 100);
    const deadline = setTimeout(() => {
      servers.forEach((server) => server.closeAllConnections());
      finish(true);
    }, options.seconds * 1000);
  };
  process.once('SIGTERM', () => drain('SIGTERM'));
  process.once('SIGINT', () => drain('SIGINT'));
}
