import { once } from 'node:events';
import { createServer } from 'node:net';
import type { AddressInfo, Socket } from 'node:net';
import { QueueEvents } from 'bullmq';
import { JobName, QueueName, QueueRegistry, redisOptions } from '@kith/platform';
import { startApi, startWorker } from '../support/api';
import { testConfig } from '../support/config';
import { REQUEST_CODE, uniqueEmail } from '../support/sign-in';

describe('worker shutdown', () => {
  it('stops waiting for a stuck job at the deadline, leaving it to be retried', async () => {
    // An SMTP server that accepts connections and never says hello: the mail job hangs.
    const sockets: Socket[] = [];
    const silent = createServer((socket) => sockets.push(socket));
    silent.listen(0, '127.0.0.1');
    await once(silent, 'listening');
    const config = testConfig({
      MAIL_URL: `smtp://127.0.0.1:${(silent.address() as AddressInfo).port}`,
      SHUTDOWN_TIMEOUT_MS: '1000',
    });
    const api = await startApi(config);
    const worker = await startWorker(config);
    const events = new QueueEvents(QueueName.Mail, {
      connection: redisOptions(config.redis.url),
      prefix: config.queue.prefix,
    });
    try {
      await events.waitUntilReady();
      const active = once(events, 'active') as Promise<[{ jobId: string }]>;
      await api.gql(REQUEST_CODE, { email: uniqueEmail('stuck') });
      const [{ jobId }] = await active;
      expect(jobId).toMatch(new RegExp(`^${JobName.SendSignInCodeMail}-`));

      // Without the bound, close() would wait for the SMTP socket timeout (20 s) and this test's
      // own 15 s limit would fail it.
      await worker.close();
      const job = await api.app.get(QueueRegistry).get(QueueName.Mail).getJob(jobId);
      expect(await job?.getState()).not.toBe('completed');
      expect(job?.returnvalue).toBeFalsy();
    } finally {
      await events.close();
      await api.close();
      sockets.forEach((socket) => socket.destroy());
      await new Promise((resolve) => silent.close(resolve));
    }
  }, 15_000);
});
