import { randomUUID } from 'node:crypto';
import { ErrorCode } from '@kith/platform';
import type { BlockRepository, BlockRow } from './block.repository';
import { BlockService } from './block.service';
import type { PersonRepository, PersonRow } from './person.repository';
import type { Principal } from './role';

/** The `block` table as a list of pairs, in insertion order. */
class FakeBlocks implements Pick<BlockRepository, 'add' | 'remove' | 'blockedBy' | 'eitherWay'> {
  readonly pairs: { blockerId: string; blockedId: string; createdAt: Date }[] = [];

  add(blockerId: string, blockedId: string): Promise<boolean> {
    if (this.find(blockerId, blockedId) >= 0) return Promise.resolve(false);
    this.pairs.push({ blockerId, blockedId, createdAt: new Date(this.pairs.length * 1000) });
    return Promise.resolve(true);
  }

  remove(blockerId: string, blockedId: string): Promise<boolean> {
    const at = this.find(blockerId, blockedId);
    if (at >= 0) this.pairs.splice(at, 1);
    return Promise.resolve(at >= 0);
  }

  blockedBy(blockerId: string): Promise<BlockRow[]> {
    return Promise.resolve(
      this.pairs
        .filter((p) => p.blockerId === blockerId)
        .map(({ blockedId, createdAt }) => ({ blockedId, createdAt }))
        .reverse(),
    );
  }

  eitherWay(a: string, b: string): Promise<boolean> {
    return Promise.resolve(this.find(a, b) >= 0 || this.find(b, a) >= 0);
  }

  private find(blockerId: string, blockedId: string): number {
    return this.pairs.findIndex((p) => p.blockerId === blockerId && p.blockedId === blockedId);
  }
}

class FakePeople implements Pick<PersonRepository, 'byId'> {
  readonly known = new Set<string>();

  byId(id: string): Promise<PersonRow | undefined> {
    return Promise.resolve(
      this.known.has(id)
        ? { id, email: `${id}@example.test`, displayName: 'Someone', createdAt: new Date(0) }
        : undefined,
    );
  }
}

describe('BlockService', () => {
  let blocks: FakeBlocks;
  let people: FakePeople;
  let service: BlockService;
  let me: Principal;
  let other: string;

  beforeEach(() => {
    blocks = new FakeBlocks();
    people = new FakePeople();
    service = new BlockService(
      blocks as unknown as BlockRepository,
      people as unknown as PersonRepository,
    );
    me = { personId: randomUUID(), sessionId: randomUUID(), roles: [] };
    other = randomUUID();
    people.known.add(me.personId).add(other);
  });

  it('blocks once, however often asked, and either side then counts as blocking', async () => {
    expect(await service.block(me, other)).toBe(true);
    expect(await service.block(me, other)).toBe(true);
    expect(blocks.pairs).toHaveLength(1);
    expect(await service.eitherBlocking(me.personId, other)).toBe(true);
    expect(await service.eitherBlocking(other, me.personId)).toBe(true);
  });

  it('refuses to block oneself, a malformed id or someone unknown', async () => {
    await expect(service.block(me, me.personId)).rejects.toMatchObject({
      code: ErrorCode.BAD_USER_INPUT,
    });
    await expect(service.block(me, 'not-an-id')).rejects.toMatchObject({
      code: ErrorCode.BAD_USER_INPUT,
    });
    await expect(service.block(me, randomUUID())).rejects.toMatchObject({
      code: ErrorCode.NOT_FOUND,
    });
    expect(blocks.pairs).toHaveLength(0);
  });

  it('lifts only the caller’s own block', async () => {
    const them: Principal = { personId: other, sessionId: randomUUID(), roles: [] };
    await service.block(me, other);
    await service.block(them, me.personId);
    expect(await service.unblock(me, other)).toBe(true);
    expect(await service.eitherBlocking(me.personId, other)).toBe(true);
    await service.unblock(them, me.personId);
    expect(await service.eitherBlocking(me.personId, other)).toBe(false);
    expect(await service.unblock(me, other)).toBe(true);
    await expect(service.unblock(me, 'not-an-id')).rejects.toMatchObject({
      code: ErrorCode.BAD_USER_INPUT,
    });
  });

  it('lists whom a person has blocked, newest first', async () => {
    const third = randomUUID();
    people.known.add(third);
    await service.block(me, other);
    await service.block(me, third);
    expect((await service.blockedBy(me.personId)).map((b) => b.blockedId)).toEqual([third, other]);
    expect(await service.blockedBy(other)).toEqual([]);
  });
});
