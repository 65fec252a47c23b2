import { randomUUID } from 'node:crypto';
import type { ProfileRow, ProfileService } from '@kith/community';
import type { BlockService, PersonRow, PersonService, Principal } from '@kith/identity';
import { DomainError, ErrorCode } from '@kith/platform';
import type { Db, JobOutbox } from '@kith/platform';
import { RecordingOutbox } from '../../../test/support/recording-outbox';
import type {
  IntroductionRepository,
  IntroductionRow,
  IntroductionView,
} from './introduction.repository';
import {
  INTRODUCTIONS_PER_WEEK,
  IntroductionService,
  NO_LONGER_OPEN,
  NOT_TAKING_INTRODUCTIONS,
  pairKey,
} from './introduction.service';
import { IntroductionStatus, TieSource } from './network.entities';
import type { ContactInput, TieRepository } from './ties/tie.repository';

const NOW = new Date('2027-09-01T08:00:00Z');

/** The `introduction` table in memory; locks are no-ops, as one test runs one call at a time. */
class FakeIntroductions implements Omit<IntroductionRepository, 'db'> {
  readonly rows: (IntroductionRow & { pairKey: string; createdAt: Date })[] = [];

  lockRequester(): Promise<void> {
    return Promise.resolve();
  }

  views(ids: readonly string[]): Promise<IntroductionView[]> {
    return Promise.resolve(
      this.rows
        .filter((r) => ids.includes(r.id))
        .map((r) => ({
          ...this.view(r),
          fromName: `Person ${r.fromId.slice(0, 4)}`,
          toName: `Person ${r.toId.slice(0, 4)}`,
          message: null,
          createdAt: r.createdAt,
          respondedAt: null,
        })),
    );
  }

  async page(personId: string, limit: number): Promise<IntroductionView[]> {
    const mine = this.rows.filter((r) => r.fromId === personId || r.toId === personId);
    return (await this.views(mine.map((r) => r.id))).slice(0, limit);
  }

  lockPair(): Promise<void> {
    return Promise.resolve();
  }

  sentSince(personId: string, since: Date): Promise<number> {
    return Promise.resolve(
      this.rows.filter((r) => r.fromId === personId && r.createdAt > since).length,
    );
  }

  pendingFor(key: string): Promise<IntroductionRow | undefined> {
    const row = this.rows.find((r) => r.pairKey === key && r.status === IntroductionStatus.PENDING);
    return Promise.resolve(row && this.view(row));
  }

  insert(fromId: string, toId: string, key: string): Promise<IntroductionRow> {
    const row = {
      id: randomUUID(),
      fromId,
      toId,
      pairKey: key,
      status: IntroductionStatus.PENDING,
      createdAt: NOW,
    };
    this.rows.push(row);
    return Promise.resolve(this.view(row));
  }

  lock(id: string): Promise<IntroductionRow | undefined> {
    const row = this.rows.find((r) => r.id === id);
    return Promise.resolve(row && this.view(row));
  }

  answer(id: string, status: IntroductionStatus.ACCEPTED | IntroductionStatus.DECLINED) {
    const row = this.rows.find((r) => r.id === id && r.status === IntroductionStatus.PENDING);
    if (row) row.status = status;
    return Promise.resolve(row !== undefined);
  }

  withdraw(which: { pairKey: string } | { personId: string }): Promise<number> {
    const rows = this.rows.filter(
      (r) =>
        r.status === IntroductionStatus.PENDING &&
        ('pairKey' in which
          ? r.pairKey === which.pairKey
          : r.fromId === which.personId || r.toId === which.personId),
    );
    for (const row of rows) row.status = IntroductionStatus.WITHDRAWN;
    return Promise.resolve(rows.length);
  }

  private view({ id, fromId, toId, status }: IntroductionRow): IntroductionRow {
    return { id, fromId, toId, status };
  }
}

class FakeTies implements Pick<TieRepository, 'introduced' | 'addContacts'> {
  readonly rows: { a: string; b: string; source: TieSource }[] = [];

  introduced(a: string, b: string): Promise<boolean> {
    const [low, high] = [a, b].sort();
    return Promise.resolve(this.rows.some((t) => t.a === low && t.b === high));
  }

  addContacts(contacts: readonly ContactInput[]): Promise<number> {
    let made = 0;
    for (const { a, b, source } of contacts) {
      const [low, high] = [a, b].sort();
      if (this.rows.some((t) => t.a === low && t.b === high && t.source === source)) continue;
      this.rows.push({ a: low, b: high, source });
      made += 1;
    }
    return Promise.resolve(made);
  }
}

/** Who exists, who opted in to introductions, and who blocked whom. */
class FakePeople {
  readonly known = new Set<string>();
  readonly optedIn = new Set<string>();
  readonly blocks = new Set<string>();

  byId(id: string): Promise<PersonRow> {
    if (!this.known.has(id)) return Promise.reject(DomainError.notFound('Person'));
    return Promise.resolve({ id, email: `${id}@example.test`, displayName: 'A', createdAt: NOW });
  }

  readonly left = new Set<string>();

  profileOf(
    personId: string,
  ): Promise<Pick<ProfileRow, 'peerIntroductions' | 'leftAt'> | undefined> {
    return Promise.resolve(
      this.known.has(personId)
        ? {
            peerIntroductions: this.optedIn.has(personId),
            leftAt: this.left.has(personId) ? NOW : null,
          }
        : undefined,
    );
  }

  introductionStanding(personId: string): Promise<{ optedIn: boolean; left: boolean }> {
    return Promise.resolve({
      optedIn: this.optedIn.has(personId) && !this.left.has(personId),
      left: this.left.has(personId),
    });
  }

  eitherBlocking(a: string, b: string): Promise<boolean> {
    return Promise.resolve(this.blocks.has(`${a}>${b}`) || this.blocks.has(`${b}>${a}`));
  }
}

describe('IntroductionService', () => {
  let outbox: RecordingOutbox;
  let introductions: FakeIntroductions;
  let ties: FakeTies;
  let people: FakePeople;
  let service: IntroductionService;

  const principal = (personId: string): Principal => ({
    personId,
    sessionId: randomUUID(),
    roles: [],
  });
  const someone = (optedIn = true): Principal => {
    const id = randomUUID();
    people.known.add(id);
    if (optedIn) people.optedIn.add(id);
    return principal(id);
  };

  beforeEach(() => {
    outbox = new RecordingOutbox();
    introductions = new FakeIntroductions();
    ties = new FakeTies();
    people = new FakePeople();
    const db = { transaction: <T>(work: () => Promise<T>) => work() };
    const clock = { now: () => NOW };
    service = new IntroductionService(
      db as unknown as Db,
      clock,
      introductions as unknown as IntroductionRepository,
      ties as unknown as TieRepository,
      people as unknown as BlockService,
      people as unknown as PersonService,
      people as unknown as ProfileService,
      outbox as unknown as JobOutbox,
    );
  });

  it('asks once per pair: asking again returns the same pending introduction', async () => {
    const [me, them] = [someone(), someone()];
    const first = await service.propose(me, them.personId, 'Hello');
    expect(first.status).toBe(IntroductionStatus.PENDING);
    expect(await service.propose(me, them.personId, null)).toEqual(first);
    expect(introductions.rows).toHaveLength(1);
    expect(introductions.rows[0].pairKey).toBe(pairKey(them.personId, me.personId));
  });

  it('asked both ways, it is one introduction, accepted, and one tie', async () => {
    const [me, them] = [someone(), someone()];
    const theirs = await service.propose(them, me.personId, null);
    expect(await service.propose(me, them.personId, null)).toEqual({
      id: theirs.id,
      status: IntroductionStatus.ACCEPTED,
    });
    expect(introductions.rows).toHaveLength(1);
    const [a, b] = [me.personId, them.personId].sort();
    expect(ties.rows).toEqual([{ a, b, source: TieSource.INTRODUCTION }]);
    // Each is told once: the one asked first that they were asked, then that it is a yes.
    expect(outbox.events).toEqual([
      { event: 'INTRODUCTION_RECEIVED', introductionId: theirs.id },
      { event: 'INTRODUCTION_ACCEPTED', introductionId: theirs.id },
    ]);
    await expect(service.propose(me, them.personId, null)).rejects.toMatchObject({
      code: ErrorCode.CONFLICT,
    });
  });

  it('accepting ties the two, declining does not; only the person asked answers', async () => {
    const [me, them, third] = [someone(), someone(), someone()];
    const asked = await service.propose(me, them.personId, null);
    await expect(service.respond(me, asked.id, true)).rejects.toMatchObject({
      code: ErrorCode.FORBIDDEN,
    });
    expect(await service.respond(them, asked.id, true)).toEqual({
      id: asked.id,
      status: IntroductionStatus.ACCEPTED,
    });
    expect(await service.respond(them, asked.id, true)).toEqual({
      id: asked.id,
      status: IntroductionStatus.ACCEPTED,
    });
    await expect(service.respond(them, asked.id, false)).rejects.toMatchObject({
      code: ErrorCode.CONFLICT,
    });
    expect(ties.rows).toHaveLength(1);

    const other = await service.propose(me, third.personId, null);
    expect((await service.respond(third, other.id, false)).status).toBe(
      IntroductionStatus.DECLINED,
    );
    expect(ties.rows).toHaveLength(1);
    await expect(service.respond(third, 'not-an-id', true)).rejects.toMatchObject({
      code: ErrorCode.NOT_FOUND,
    });
  });

  it('never across a block, never to oneself, someone unknown or someone not opted in', async () => {
    const [me, blocker, shy] = [someone(), someone(), someone(false)];
    people.blocks.add(`${blocker.personId}>${me.personId}`);
    await expect(service.propose(me, blocker.personId, null)).rejects.toMatchObject({
      code: ErrorCode.FORBIDDEN,
    });
    await expect(service.propose(me, shy.personId, null)).rejects.toMatchObject({
      code: ErrorCode.FORBIDDEN,
    });
    await expect(service.propose(me, me.personId, null)).rejects.toMatchObject({
      code: ErrorCode.BAD_USER_INPUT,
    });
    await expect(service.propose(me, randomUUID(), null)).rejects.toMatchObject({
      code: ErrorCode.NOT_FOUND,
    });
    await expect(service.propose(me, 'nobody', null)).rejects.toMatchObject({
      code: ErrorCode.NOT_FOUND,
    });
    expect(introductions.rows).toHaveLength(0);
  });

  it('lets someone not opted in ask back, which accepts the introduction made to them', async () => {
    const [me, shy] = [someone(), someone(false)];
    const asked = await service.propose(shy, me.personId, null);
    expect((await service.propose(me, shy.personId, null)).status).toBe(
      IntroductionStatus.ACCEPTED,
    );
    expect(introductions.rows.map((r) => r.id)).toEqual([asked.id]);
  });

  it('answers a block, either way, in the words and code of someone not taking introductions', async () => {
    const [me, blocker, blocked, shy] = [someone(), someone(), someone(), someone(false)];
    people.blocks.add(`${blocker.personId}>${me.personId}`);
    people.blocks.add(`${me.personId}>${blocked.personId}`);
    const refusal = async (personId: string) => {
      const error = (await service
        .propose(me, personId, null)
        .catch((e: unknown) => e)) as DomainError;
      return { code: error.code, message: error.message };
    };
    const shyRefusal = await refusal(shy.personId);
    expect(shyRefusal).toEqual({ code: ErrorCode.FORBIDDEN, message: NOT_TAKING_INTRODUCTIONS });
    expect(await refusal(blocker.personId)).toEqual(shyRefusal);
    expect(await refusal(blocked.personId)).toEqual(shyRefusal);
  });

  it('never accepts what a block or a leaving withdrew, and says so in the same words', async () => {
    const [me, them, other] = [someone(), someone(), someone()];
    const asked = await service.propose(them, me.personId, null);
    expect(await service.withdrawBetween(me.personId, them.personId)).toBe(1);
    people.blocks.add(`${them.personId}>${me.personId}`);
    await expect(service.respond(me, asked.id, true)).rejects.toMatchObject({
      code: ErrorCode.CONFLICT,
      message: NO_LONGER_OPEN,
    });
    // Nor by asking back, which would otherwise accept theirs.
    await expect(service.propose(me, them.personId, null)).rejects.toMatchObject({
      message: NOT_TAKING_INTRODUCTIONS,
    });
    const fromOther = await service.propose(other, me.personId, null);
    expect(await service.withdrawAllOf(other.personId)).toBe(1);
    people.left.add(other.personId);
    await expect(service.respond(me, fromOther.id, true)).rejects.toMatchObject({
      code: ErrorCode.CONFLICT,
      message: NO_LONGER_OPEN,
    });
    expect(ties.rows).toEqual([]);
  });

  it(`asks at most ${INTRODUCTIONS_PER_WEEK} a week`, async () => {
    const me = someone();
    for (let i = 0; i < INTRODUCTIONS_PER_WEEK; i += 1)
      await service.propose(me, someone().personId, null);
    await expect(service.propose(me, someone().personId, null)).rejects.toMatchObject({
      code: ErrorCode.RATE_LIMITED,
    });
  });
});
