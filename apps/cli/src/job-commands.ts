import { parseArgs } from 'node:util';
import { DomainError, JobAdminService, parseJobName } from '@kith/platform';
import type { KithConfig } from '@kith/platform';
import { required, withContext } from './operator-commands';

const ago = (at: Date, now = Date.now()): string => {
  const seconds = Math.round((now - at.getTime()) / 1000);
  if (Math.abs(seconds) < 120) return seconds >= 0 ? `${seconds} s ago` : `in ${-seconds} s`;
  const minutes = Math.round(seconds / 60);
  if (Math.abs(minutes) < 120) return minutes >= 0 ? `${minutes} min ago` : `in ${-minutes} min`;
  const hours = Math.round(minutes / 60);
  return hours >= 0 ? `${hours} h ago` : `in ${-hours} h`;
};

function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i].length)));
  const line = (cells: string[]) =>
    cells
      .map((cell, i) => cell.padEnd(widths[i]))
      .join('  ')
      .trimEnd();
  return [line(header), ...rows.map(line)].join('\n');
}

/**
 * `jobs` (counts by state and name, oldest pending, schedules), `jobs failed [--name N] [--limit K]`,
 * `jobs retry <id>` or `jobs retry --name N`, `jobs probe [--timeout-ms T]`.
 */
export async function jobs(config: KithConfig, args: string[]): Promise<string> {
  const [sub, ...rest] = args;
  switch (sub) {
    case undefined:
      return withContext(config, async (app) => {
        const summary = await app.get(JobAdminService).summary();
        const counts = summary.counts.length
          ? table(
              ['state', 'job', 'count', 'earliest due'],
              summary.counts.map((row) => [
                row.state,
                row.jobName,
                String(row.count),
                row.oldestDueAt ? row.oldestDueAt.toISOString() : '',
              ]),
            )
          : 'no jobs recorded';
        const oldest = summary.oldestPending
          ? `oldest pending: ${summary.oldestPending.jobName}, due ${summary.oldestPending.dueAt.toISOString()} (${ago(summary.oldestPending.dueAt)})`
          : 'oldest pending: none';
        const schedules = table(
          ['schedule', 'next run', 'last run'],
          summary.schedules.map((s) => [
            s.key,
            s.nextRunAt.toISOString(),
            s.lastRunAt ? s.lastRunAt.toISOString() : 'never',
          ]),
        );
        return [counts, '', oldest, '', schedules].join('\n');
      });
    case 'failed': {
      const { values } = parseArgs({
        args: rest,
        options: { name: { type: 'string' }, limit: { type: 'string', default: '50' } },
      });
      const limit = Number(values.limit);
      if (!Number.isInteger(limit) || limit < 1 || limit > 10_000)
        throw DomainError.badInput([{ path: 'limit', message: 'a whole number from 1 to 10000' }]);
      return withContext(config, async (app) => {
        const rows = await app.get(JobAdminService).failed({ jobName: values.name, limit });
        if (rows.length === 0) return 'no failed jobs';
        return table(
          ['id', 'job', 'attempts', 'rescues', 'failed at', 'last error'],
          rows.map((row) => [
            row.id,
            row.jobName,
            String(row.attempts),
            String(row.rescues),
            row.finishedAt ? row.finishedAt.toISOString() : '',
            (row.lastError ?? '').replace(/\s+/g, ' ').slice(0, 160),
          ]),
        );
      });
    }
    case 'retry': {
      const { values, positionals } = parseArgs({
        args: rest,
        allowPositionals: true,
        options: { name: { type: 'string' } },
      });
      const target =
        values.name !== undefined
          ? { jobName: parseJobName(values.name) }
          : { id: required(positionals[0], 'id') };
      return withContext(config, async (app) => {
        const ids = await app.get(JobAdminService).retry(target);
        return ids.length === 0
          ? 'no failed jobs to retry'
          : `retrying ${ids.length} job${ids.length === 1 ? '' : 's'}: ${ids.slice(0, 20).join(', ')}${ids.length > 20 ? ', …' : ''}`;
      });
    }
    case 'probe': {
      const { values } = parseArgs({
        args: rest,
        options: { 'timeout-ms': { type: 'string', default: '30000' } },
      });
      const timeoutMs = Number(values['timeout-ms']);
      // Checked by the service, before anything is scheduled.
      return withContext(config, async (app) => {
        const took = await app.get(JobAdminService).probe(timeoutMs);
        if (took === null)
          throw new Error(
            `the probe job was not done within ${timeoutMs} ms: is a worker running?`,
          );
        return `a probe job went through the relay, Redis and a worker in ${took} ms`;
      });
    }
    default:
      throw DomainError.badInput([
        { path: 'jobs', message: `unknown jobs command "${sub}"; use failed, retry or probe` },
      ]);
  }
}
