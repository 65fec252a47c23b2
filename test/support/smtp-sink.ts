import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  to: string[];
  raw: string;
}

export interface HeldMail {
  /** Resolves when the whole message has arrived and the sink is sitting on its reply. */
  arrived: Promise<void>;
  /** Says 250 (accepted) now, unless the sender went away meanwhile: then nothing was sent. */
  release(): void;
}

/**
 * A real SMTP server on a free local port that keeps what it receives. A test can make it refuse
 * mail to an address for a while (451, try again later), or sit on the reply to one message, as a
 * slow server would, to catch a sender mid-send.
 */
export class SmtpSink {
  readonly received: ReceivedMail[] = [];
  /** Every delivery attempt per address, refused and abandoned ones included. */
  readonly attempts = new Map<string, number>();
  private readonly waiters: { to: string; resolve: (mail: ReceivedMail) => void }[] = [];
  private readonly refusals = new Map<string, number>();
  private readonly rejected = new Set<string>();
  private readonly holds = new Map<string, { arrived: () => void; released: Promise<void> }>();
  private readonly closedSessions = new Set<string>();
  private readonly server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onClose: (session) => this.closedSessions.add(session.id),
    onRcptTo: (address, _session, callback) => {
      const to = address.address.toLowerCase();
      this.attempts.set(to, (this.attempts.get(to) ?? 0) + 1);
      if (this.rejected.has(to)) {
        const error = new Error('No such mailbox here') as Error & { responseCode: number };
        error.responseCode = 550;
        callback(error);
        return;
      }
      const refusals = this.refusals.get(to) ?? 0;
      if (refusals > 0) {
        this.refusals.set(to, refusals - 1);
        const error = new Error('Try again later') as Error & { responseCode: number };
        error.responseCode = 451;
        callback(error);
        return;
      }
      callback();
    },
    onData: (stream, session, callback) => {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const mail = {
          to: session.envelope.rcptTo.map((rcpt) => rcpt.address.toLowerCase()),
          raw: Buffer.concat(chunks).toString('utf8'),
        };
        const held = mail.to.map((to) => this.holds.get(to)).find(Boolean);
        if (!held) {
          this.accept(mail);
          callback();
          return;
        }
        for (const to of mail.to) this.holds.delete(to);
        held.arrived();
        void held.released.then(() => {
          if (this.closedSessions.has(session.id)) return; // the sender died before our 250
          this.accept(mail);
          callback();
        });
      });
    },
  });

  private accept(mail: ReceivedMail): void {
    this.received.push(mail);
    for (const waiter of [...this.waiters]) {
      if (mail.to.includes(waiter.to)) {
        this.waiters.splice(this.waiters.indexOf(waiter), 1);
        waiter.resolve(mail);
      }
    }
  }

  async start(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    const { port } = this.server.server.address() as AddressInfo;
    return `smtp://127.0.0.1:${port}`;
  }

  /** Refuses the next `times` deliveries to this address with 451. */
  refuse(address: string, times = 1): void {
    this.refusals.set(address.toLowerCase(), times);
  }

  /** Refuses every delivery to this address for good (550, no such mailbox). */
  reject(address: string): void {
    this.rejected.add(address.toLowerCase());
  }

  /** Sits on the reply to the next message to this address until released. */
  hold(address: string): HeldMail {
    let arrived!: () => void;
    let release!: () => void;
    const arrival = new Promise<void>((resolve) => (arrived = resolve));
    const released = new Promise<void>((resolve) => (release = resolve));
    this.holds.set(address.toLowerCase(), { arrived, released });
    return { arrived: arrival, release };
  }

  /** Mails accepted for this address so far. */
  countTo(address: string): number {
    const to = address.toLowerCase();
    return this.received.filter((mail) => mail.to.includes(to)).length;
  }

  /** Resolves with the next mail to this address (or one already received). */
  nextMailTo(address: string): Promise<ReceivedMail> {
    const to = address.toLowerCase();
    const already = this.received.find((mail) => mail.to.includes(to));
    if (already) {
      this.received.splice(this.received.indexOf(already), 1);
      return Promise.resolve(already);
    }
    return new Promise((resolve) => this.waiters.push({ to, resolve }));
  }

  /** Resolves once a mail to this address has been accepted, leaving it counted. */
  delivered(address: string): Promise<void> {
    const to = address.toLowerCase();
    if (this.countTo(to) > 0) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push({ to, resolve: () => resolve() }));
  }

  stop(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}
