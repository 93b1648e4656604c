import { createServer, request, Agent, type IncomingMessage, type Server, type ServerResponse } from 'node:http';

export interface RoundRobinProxy {
  server: Server;
  close(): Promise<void>;
}

export interface RoundRobinProxyOptions {
  port: number;
  /** The hosts' origins, e.g. `http://127.0.0.1:5301`; the label of each is its index (`0`, `1`, …). */
  upstreams: () => readonly string[];
  /** Answers a request itself when it returns true (the harness's own controls). */
  intercept?: (req: IncomingMessage, res: ServerResponse) => boolean;
}

const agent = new Agent({ keepAlive: true });

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/**
 * A small reverse proxy for tests: several hosts behind one origin, as a load balancer puts them.
 * Requests under `/api/` take turns on a counter of their own, so consecutive widget calls (Get
 * OTP, then Verify) land on different hosts; everything else takes turns too. It appends the
 * client to `X-Forwarded-For` (the hosts run with KYCVS_TRUST_PROXY=loopback), names the host that
 * answered in `X-Cluster-Upstream`, and, like a load balancer that marks a dead host down, sends a
 * request whose connection was refused to the next host.
 */
export function startRoundRobinProxy(options: RoundRobinProxyOptions): Promise<RoundRobinProxy> {
  const turns = { api: 0, other: 0 };

  async function forward(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const body = await readBody(req);
    const upstreams = options.upstreams();
    const lane = req.url?.startsWith('/api/') ? 'api' : 'other';
    const first = turns[lane]++;
    const forwardedFor = [req.headers['x-forwarded-for'], req.socket.remoteAddress].filter(Boolean).join(', ');
    for (let attempt = 0; attempt < upstreams.length; attempt++) {
      const index = (first + attempt) % upstreams.length;
      const target = new URL(req.url ?? '/', upstreams[index]);
      const answered = await new Promise<boolean>((resolve) => {
        const upstream = request(
          target,
          { method: req.method, headers: { ...req.headers, 'x-forwarded-for': forwardedFor }, agent },
          (answer) => {
            res.writeHead(answer.statusCode ?? 502, { ...answer.headers, 'x-cluster-upstream': String(index) });
            answer.pipe(res);
            answer.on('end', () => resolve(true));
          },
        );
        upstream.on('error', () => {
          // Refused before it answered: the next host may take it. Broken mid-answer: nothing to retry.
          if (!res.headersSent) return resolve(false);
          res.destroy();
          resolve(true);
        });
        upstream.end(body);
      });
      if (answered) return;
    }
    res.writeHead(502, { 'content-type': 'text/plain' }).end('No host answered.');
  }

  const server = createServer((req, res) => {
    if (options.intercept?.(req, res)) return;
    forward(req, res).catch(() => res.destroy());
  });
  return new Promise((resolve) => {
    server.listen(options.port, '127.0.0.1', () =>
      resolve({
        server,
        close: () => new Promise((done) => server.close(() => done())),
      }),
    );
  });
}
