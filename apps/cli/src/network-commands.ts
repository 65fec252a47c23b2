import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { NetworkSnapshotService, TieService } from '@kith/network';
import type { SnapshotOutcome } from '@kith/network';
import { DomainError } from '@kith/platform';
import type { KithConfig } from '@kith/platform';
import { withContext } from './operator-commands';

/** Its peak resident memory so far (Linux), in MB: what a snapshot of a city costs. */
function peakRssMb(): number | null {
  try {
    const status = readFileSync('/proc/self/status', 'utf8');
    const kb = /VmHWM:\s+(\d+) kB/.exec(status)?.[1];
    return kb ? Math.round(Number(kb) / 1024) : null;
  } catch {
    return null;
  }
}

const say = (o: SnapshotOutcome) =>
  `${o.on}: ${o.members} members, ${o.ties} active ties, ${o.isolated} isolated (${o.from === 'kept' ? 'ties as kept' : 'from the contacts recorded by then'}), ${o.milliseconds} ms`;

/**
 * `network snapshot [--date YYYY-MM-DD]`: the nightly snapshot now (the same code as the
 * schedule); `network backfill --weekly [--from YYYY-MM-DD]`: one every 7 days from history;
 * `network rebuild-ties`: every tie worked out again from all attendance and contacts.
 */
export async function network(config: KithConfig, args: string[]): Promise<string> {
  const [sub, ...rest] = args;
  const { values } = parseArgs({
    args: rest,
    options: {
      date: { type: 'string' },
      from: { type: 'string' },
      weekly: { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
    },
  });
  return withContext(config, async (app) => {
    const snapshots = app.get(NetworkSnapshotService);
    switch (sub) {
      case 'snapshot': {
        const outcome = await snapshots.run(values.date);
        return values.json
          ? JSON.stringify({ ...outcome, peakRssMb: peakRssMb() })
          : `network snapshot ${say(outcome)}`;
      }
      case 'backfill': {
        if (!values.weekly)
          throw DomainError.badInput(
            [{ path: 'weekly', message: 'backfill builds weekly snapshots: give --weekly' }],
            'network backfill needs --weekly',
          );
        const outcomes = await snapshots.backfillWeekly(values.from);
        return outcomes.length === 0
          ? 'nothing to backfill: no attendance or contacts on record'
          : [`backfilled ${outcomes.length} weekly snapshots`, ...outcomes.map(say)].join('\n');
      }
      case 'rebuild-ties': {
        // History loaded without its ties (an import from elsewhere): every tie from it, again.
        const { contacts, ties } = await app.get(TieService).importHistory([]);
        return `rebuilt ${ties} ties from ${contacts} co-attendance contacts and those already recorded`;
      }
      default:
        throw DomainError.badInput(
          [
            {
              path: 'command',
              message:
                'snapshot [--date YYYY-MM-DD], backfill --weekly [--from YYYY-MM-DD] or rebuild-ties',
            },
          ],
          `unknown network command "${sub ?? ''}"`,
        );
    }
  });
}
