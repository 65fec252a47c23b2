import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import type { IncomingMessage, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gunzipSync } from 'node:zlib';

export interface PushedMessage {
  to: string;
  title?: string;
  body?: string;
  data?: Record<string, unknown>;
}

/**
 * A local stand-in for Expo's push service, speaking its HTTP API (/--/api/v2/push/send and
 * /getReceipts, gzip included). A test can make it answer the next requests with an error status
 * (429, 500), say a token is not registered (on the ticket, or later on the receipt), and count
 * what it accepted per token.
 */
export class FakeExpo {
  readonly accepted: PushedMessage[] = [];
  /** Every send request, refused ones included. */
  requests = 0;
  private readonly failures: number[] = [];
  private readonly unregistered = new Set<string>();
  private readonly unregisteredLater = new Set<string>();
  private readonly tickets = new Map<string, string>();
  private readonly server: Server = createServer((req, res) => {
    void this.handle(req).then(
      ({ status, body }) => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(body));
      },
      () => {
        res.writeHead(400);
        res.end();
      },
    );
  });

  async start(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  stop(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  /** The next send requests are answered with these statuses, one each, in order. */
  failNext(...statuses: number[]): void {
    this.failures.push(...statuses);
  }

  /** Tickets for this token say DeviceNotRegistered. */
  unregister(token: string): void {
    this.unregistered.add(token);
  }

  /** Tickets for this token are fine, but its receipts say DeviceNotRegistered. */
  unregisterOnReceipt(token: string): void {
    this.unregisteredLater.add(token);
  }

  countTo(token: string): number {
    return this.accepted.filter((m) => m.to === token).length;
  }

  private async handle(req: IncomingMessage): Promise<{ status: number; body: unknown }> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    let raw = Buffer.concat(chunks);
    if (req.headers['content-encoding'] === 'gzip') raw = gunzipSync(raw);
    const payload: unknown = JSON.parse(raw.toString('utf8'));
    if (req.url === '/--/api/v2/push/send') {
      this.requests += 1;
      const failure = this.failures.shift();
      if (failure !== undefined)
        return {
          status: failure,
          body: {
            errors: [
              {
                code: failure === 429 ? 'TOO_MANY_REQUESTS' : 'INTERNAL_SERVER_ERROR',
                message: `fake ${failure}`,
              },
            ],
          },
        };
      const messages = (Array.isArray(payload) ? payload : [payload]) as PushedMessage[];
      return {
        status: 200,
        body: {
          data: messages.map((message) => {
            if (this.unregistered.has(message.to))
              return {
                status: 'error',
                message: `"${message.to}" is not a registered push notification recipient`,
                details: { error: 'DeviceNotRegistered' },
              };
            this.accepted.push(message);
            const id = randomUUID();
            this.tickets.set(id, message.to);
            return { status: 'ok', id };
          }),
        },
      };
    }
    if (req.url === '/--/api/v2/push/getReceipts') {
      const { ids } = payload as { ids: string[] };
      const data: Record<string, unknown> = {};
      for (const id of ids) {
        const token = this.tickets.get(id);
        if (!token) continue;
        data[id] = this.unregisteredLater.has(token)
          ? { status: 'error', message: 'gone', details: { error: 'DeviceNotRegistered' } }
          : { status: 'ok' };
      }
      return { status: 200, body: { data } };
    }
    return { status: 404, body: { errors: [{ code: 'NOT_FOUND', message: 'no such route' }] } };
  }
}
