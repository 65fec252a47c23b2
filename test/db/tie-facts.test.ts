import { randomUUID } from 'node:crypto';
import type { TestingModule } from '@nestjs/testing';
import { NetworkModule, TieSource } from '@kith/network';
import { Db } from '@kith/platform';
import { TieRepository } from '../../libs/network/src/ties/tie.repository';
import { testConfig } from '../support/config';
import { createContext } from '../support/context';
import { uniqueEmail } from '../support/sign-in';

/**
 * What a member gains is counted from every tie they were there for, never from another's naming
 * of them alone: "one new person you've met" would tell them someone named them.
 */
describe("a member's tie facts", () => {
  let context: TestingModule;
  let db: Db;
  let ties: TieRepository;

  beforeAll(async () => {
    context = await createContext([NetworkModule], testConfig());
    db = context.get(Db);
    ties = context.get(TieRepository);
  });

  afterAll(() => context.close());

  const person = async () =>
    (
      await db.query<{ id: string }>(
        `INSERT INTO person (email, display_name) VALUES ($1, 'P') RETURNING id`,
        [uniqueEmail()],
      )
    )[0].id;

  it('leaves out what only someone else said of the member, and keeps what they said', async () => {
    const [namer, named, other] = [await person(), await person(), await person()];
    const at = new Date('2026-11-02T10:00:00Z');
    await db.transaction(() =>
      ties.addContacts([
        // At a session too big for a tie of its own, the namer named the member: one-sided.
        {
          a: namer,
          b: named,
          source: TieSource.SELF_REPORTED,
          refId: randomUUID(),
          at,
          weight: 1,
          reportedBy: namer,
        },
        // The member named someone else themselves.
        {
          a: named,
          b: other,
          source: TieSource.SELF_REPORTED,
          refId: randomUUID(),
          at,
          weight: 1,
          reportedBy: named,
        },
      ]),
    );
    const facts = await ties.tieFacts(named);
    expect(facts).toEqual([{ sources: ['SELF_REPORTED'], firstContactAt: at }]);
    // The namer's own naming counts for the namer.
    expect(await ties.tieFacts(namer)).toEqual([
      { sources: ['SELF_REPORTED'], firstContactAt: at },
    ]);
  });
});
