import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { join } from 'node:path';
import { ROOT } from './city-dataset';

export const BENCH_JWT_SECRET = 'bench-secret-bench-secret-bench-secret-0123';
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const JWT_SECRET = BENCH_JWT_SECRET;

/** The built API in a process of its own on a database, driven over HTTP with keep-alive. */
export class Api {
  private readonly agent: Agent;
  private constructor(
    private readonly child: ChildProcess,
    private readonly port: number,
    sockets: number,
  ) {
    this.agent = new Agent({ keepAlive: true, maxSockets: sockets });
  }

  static async start(
    databaseUrl: string,
    port: number,
    sockets = 32,
    extraEnv: Record<string, string> = {},
  ): Promise<Api> {
    const child = spawn(process.execPath, [join(ROOT, 'dist/apps/api/src/main.js')], {
      cwd: ROOT,
      env: {
        PATH: process.env.PATH,
        NODE_ENV: 'production',
        PUBLIC_URL: 'https://kith.example.org',
        DATABASE_URL: databaseUrl,
        REDIS_URL,
        PORT: String(port),
        JWT_SECRET,
        // Production refuses MAIL_URL=log; nothing here sends mail.
        MAIL_URL: 'smtp://127.0.0.1:1',
        LOG_LEVEL: 'warn',
        QUEUE_PREFIX: `kith-bench-${process.pid}`,
        ...extraEnv,
      },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    const api = new Api(child, port, sockets);
    const deadline = Date.now() + 30_000;
    for (;;) {
      if (child.exitCode !== null) throw new Error(`the API exited with ${child.exitCode}`);
      if (await api.ready()) return api;
      if (Date.now() > deadline) throw new Error('the API did not become ready in 30 s');
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }

  private ready(): Promise<boolean> {
    return new Promise((resolve) => {
      const req = request(
        { host: '127.0.0.1', port: this.port, path: '/health/ready', agent: this.agent },
        (res) => {
          res.resume();
          resolve(res.statusCode === 200);
        },
      );
      req.on('error', () => resolve(false));
      req.end();
    });
  }

  gql<T>(token: string, query: string, variables: Record<string, unknown> = {}): Promise<T> {
    const body = JSON.stringify({ query, variables });
    return new Promise((resolve, reject) => {
      const req = request(
        {
          host: '127.0.0.1',
          port: this.port,
          path: '/graphql',
          method: 'POST',
          agent: this.agent,
          headers: {
            'content-type': 'application/json',
            'content-length': Buffer.byteLength(body),
            authorization: `Bearer ${token}`,
          },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () => {
            const parsed = JSON.parse(Buffer.concat(chunks).toString()) as {
              data?: T;
              errors?: { message: string }[];
            };
            if (parsed.errors?.length || !parsed.data)
              reject(new Error(parsed.errors?.[0]?.message ?? `HTTP ${res.statusCode}`));
            else resolve(parsed.data);
          });
        },
      );
      req.on('error', reject);
      req.end(body);
    });
  }

  /** Stops the API and returns its peak resident memory (VmHWM) in MB. */
  async stop(): Promise<number> {
    const status = readFileSync(`/proc/${this.child.pid}/status`, 'utf8');
    const peakKb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? NaN);
    this.agent.destroy();
    const exited = new Promise((resolve) => this.child.once('exit', resolve));
    this.child.kill('SIGTERM');
    await exited;
    return Math.round(peakKb / 1024);
  }
}
