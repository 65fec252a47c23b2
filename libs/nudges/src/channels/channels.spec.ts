import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { KithConfig } from '@kith/platform';
import { NudgeKind } from '../nudge-kinds';
import { backoffMs, MAX_DELIVERY_ATTEMPTS } from '../nudge-delivery.handler';
import { PermanentDeliveryError, TransientDeliveryError } from './channel';
import type { OutgoingNudge } from './channel';
import { EMAIL_FRAME_LANGUAGES, emailFor } from './email-template';
import { smtpRefusedForGood } from './email.sender';
import { expoMayPass } from './push.sender';
import { SmsSender } from './sms.sender';
import { LANGUAGES } from '../nudge-policy';

const nudge: OutgoingNudge = {
  nudgeId: '0b1d1c64-7f5e-4b8e-9a34-1a2b3c4d5e6f',
  personId: '1b1d1c64-7f5e-4b8e-9a34-1a2b3c4d5e6f',
  kind: NudgeKind.WAITLIST_PROMOTED,
  title: 'A place is yours: <Knit & Natter>',
  body: 'A place came free at <script>alert("x")</script> on Tuesday.',
  link: { screen: 'SESSION', id: 'abc', url: 'https://app.kith.test/session/abc' },
  language: 'en',
  email: 'ann@example.org',
  smsNumber: '+447700900123',
};

describe('the nudge email', () => {
  it('says the same words as text and as escaped HTML, with the app link', () => {
    const mail = emailFor(nudge, 'https://app.kith.test');
    expect(mail.subject).toBe(nudge.title);
    expect(mail.text).toContain(nudge.body);
    expect(mail.text).toContain('Open in Kith: https://app.kith.test/session/abc');
    expect(mail.html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(mail.html).toContain('&lt;Knit &amp; Natter&gt;');
    expect(mail.html).not.toContain('<script>');
    expect(mail.html).toContain('href="https://app.kith.test/session/abc"');
  });

  it('puts no link that leads anywhere but the app', () => {
    const mail = emailFor(
      { ...nudge, link: { screen: 'SESSION', id: 'x', url: 'https://evil.test/session/x' } },
      'https://app.kith.test',
    );
    expect(mail.html).not.toContain('evil.test');
    expect(mail.text).not.toContain('evil.test');
  });

  it('has its frame in every language a member can choose', () => {
    expect([...EMAIL_FRAME_LANGUAGES].sort()).toEqual([...LANGUAGES].sort());
    const es = emailFor({ ...nudge, language: 'es' }, 'https://app.kith.test');
    expect(es.text).toContain('Abrir en Kith');
    expect(es.html).toContain('lang="es"');
  });
});

describe('what counts as refused for good', () => {
  it('SMTP: 5xx only', () => {
    expect(smtpRefusedForGood({ responseCode: 550 })).toBe(true);
    expect(smtpRefusedForGood({ responseCode: 451 })).toBe(false);
    expect(smtpRefusedForGood({ code: 'ECONNECTION' })).toBe(false);
    expect(smtpRefusedForGood(null)).toBe(false);
  });

  it('Expo: anything but a rate limit, a server error or no answer', () => {
    expect(expoMayPass({ statusCode: 429 })).toBe(true);
    expect(expoMayPass({ statusCode: 503 })).toBe(true);
    expect(expoMayPass(new Error('socket hang up'))).toBe(true);
    expect(expoMayPass({ statusCode: 400 })).toBe(false);
  });

  it('backs off doubling from the base, at most an hour, for a bounded number of attempts', () => {
    expect([1, 2, 3, 4].map((a) => backoffMs(30_000, a))).toEqual([
      30_000, 60_000, 120_000, 240_000,
    ]);
    expect(backoffMs(30_000, 20)).toBe(3600_000);
    expect(MAX_DELIVERY_ATTEMPTS).toBeGreaterThan(1);
  });
});

describe('SMS', () => {
  const sender = (smsUrl?: string) =>
    new SmsSender({ channels: { smsUrl } } as unknown as KithConfig);

  it('is off unless a gateway is configured, and needs a number', async () => {
    await expect(sender().send(nudge)).resolves.toEqual({
      status: 'SUPPRESSED',
      reason: 'SMS is not configured',
    });
    await expect(sender('http://127.0.0.1:9').send({ ...nudge, smsNumber: null })).resolves.toEqual(
      { status: 'SUPPRESSED', reason: 'no number for SMS' },
    );
  });

  it('posts to the gateway, and tells a busy gateway from a refusal', async () => {
    const statuses = [200, 503, 400];
    const bodies: unknown[] = [];
    const server = createServer((req, res) => {
      let raw = '';
      req.on('data', (c: Buffer) => (raw += c.toString()));
      req.on('end', () => {
        bodies.push({ ...(JSON.parse(raw) as object), key: req.headers['idempotency-key'] });
        res.writeHead(statuses.shift() ?? 500);
        res.end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/sms`;
    try {
      await expect(sender(url).send(nudge)).resolves.toEqual({ status: 'SENT' });
      await expect(sender(url).send(nudge)).rejects.toBeInstanceOf(TransientDeliveryError);
      await expect(sender(url).send(nudge)).rejects.toBeInstanceOf(PermanentDeliveryError);
      expect(bodies[0]).toEqual({
        to: '+447700900123',
        body: `${nudge.title}: ${nudge.body}`,
        key: nudge.nudgeId,
      });
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
