import { JobName } from '@kith/platform';
import { startApi } from '../support/api';
import type { RunningApi } from '../support/api';
import { testConfig } from '../support/config';
import { freshDatabase, queryDatabase as sql } from '../support/databases';
import { FAST, startWorkerProcess } from '../support/job-faults';
import type { RunningProcess } from '../support/processes';
import { REQUEST_CODE, uniqueEmail } from '../support/sign-in';
import { SmtpSink } from '../support/smtp-sink';
import { TcpProxy } from '../support/tcp-proxy';

describe('Postgres away for 20 s under load', () => {
  const sink = new SmtpSink();
  let database: { url: string; drop: () => Promise<void> };
  let proxy: TcpProxy;
  let api: RunningApi;
  let worker: RunningProcess;

  beforeAll(async () => {
    database = await freshDatabase('job_faults_pg');
    proxy = new TcpProxy('127.0.0.1', Number(new URL(database.url).port || 5432));
    await proxy.start();
    const config = testConfig({
      ...FAST,
      DATABASE_URL: proxy.rewrite(database.url),
      MAIL_URL: await sink.start(),
    });
    api = await startApi(config);
    worker = await startWorkerProcess(config, { WORKER_CONCURRENCY: '5' });
  });

  afterAll(async () => {
    await worker?.kill();
    await api?.close();
    await proxy?.start().catch(() => undefined);
    await proxy?.stop();
    await sink.stop();
    await database?.drop();
  });

  it('loses nothing committed, half-writes nothing, and recovers on its own', async () => {
    const answered: string[] = [];
    const refused: string[] = [];
    let load = true;
    const client = async () => {
      while (load) {
        const email = uniqueEmail('load');
        const result = await api.gql(REQUEST_CODE, { email }).catch(() => undefined);
        if (result?.data?.requestSignInCode === true) answered.push(email);
        else refused.push(email);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    };
    const clients = Array.from({ length: 3 }, client);
    await new Promise((resolve) => setTimeout(resolve, 2000));
    await proxy.stop();
    const answeredBefore = answered.length;
    await new Promise((resolve) => setTimeout(resolve, 20_000));
    await proxy.start();
    await worker.waitForLog((line) => line.msg === 'Job relay recovered', 'the relay recovering');
    await new Promise((resolve) => setTimeout(resolve, 2000));
    load = false;
    await Promise.all(clients);

    expect(answeredBefore).toBeGreaterThan(10);
    expect(refused.length).toBeGreaterThan(10);
    expect(answered.length).toBeGreaterThan(answeredBefore);
    const codes = await sql<{ id: string; email: string; jobs: number }>(
      database.url,
      `SELECT c.id, c.email, (SELECT count(*)::int FROM job j WHERE j.job_id = $1 || '-' || c.id) AS jobs
         FROM sign_in_code c`,
      [JobName.SendSignInCodeMail],
    );
    // Every request answered true committed its code; every code has its job (one transaction).
    const committed = new Set(codes.map((code) => code.email));
    for (const email of answered) expect(committed.has(email)).toBe(true);
    expect(codes.filter((code) => code.jobs !== 1)).toEqual([]);
    // Every committed code is mailed. Once, unless Postgres went between the send and its
    // "sent" record: then the retry sends it again (at most twice), and says so in the log.
    await Promise.all(codes.map((code) => sink.delivered(code.email)));
    const resent = new Set(
      worker.lines
        .filter((line) => /stopped while sending this code/.test(String(line.msg)))
        .map((line) => String(line.signInCodeId)),
    );
    for (const code of codes) {
      expect([1, resent.has(code.id) ? 2 : 1]).toContain(sink.countTo(code.email));
    }
    const failed = await sql(
      database.url,
      `SELECT job_id, last_error FROM job WHERE state = 'failed'`,
    );
    expect(failed).toEqual([]);
  }, 90_000);
});
