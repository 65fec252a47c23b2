import { randomUUID } from 'node:crypto';
import type { Principal } from '@kith/identity';
import { fakeHelp, rejection, principalIn } from '../../../test/support/help-fakes';
import type { FakeHelp } from '../../../test/support/help-fakes';
import { TIME_BANK_ID } from './ledger';

const AREA = 'area-riverside';

describe('TimeCreditService and the Ledger, over in-memory repositories', () => {
  let f: FakeHelp;
  let coordinator: Principal;
  let member: Principal;

  beforeEach(() => {
    f = fakeHelp(-120);
    coordinator = principalIn(f);
    f.people.coordinators.set(coordinator.personId, [AREA]);
    member = principalIn(f, AREA);
  });

  it('grants minutes from the time bank with a reason, as a zero-sum transfer', async () => {
    await f.credits.grant(coordinator, member.personId, 90, 'Personal budget');
    expect(await f.credits.account(member.personId, 10)).toEqual({
      balanceMinutes: 90,
      entries: [
        {
          at: expect.any(Date) as unknown,
          minutes: 90,
          reason: 'Granted: Personal budget',
          kind: 'GRANT',
        },
      ],
    });
    expect(await f.ledgerRows.balance(TIME_BANK_ID)).toBe(-90);
    expect(f.ledgerRows.state.entries.reduce((sum, e) => sum + e.minutes, 0)).toBe(0);
    expect(f.audit.actions()).toEqual(['ledger.transfer']);
  });

  it('refuses bad minutes and reasons, unknown people, the time bank, oneself and other areas', async () => {
    expect(await rejection(f.credits.grant(coordinator, member.personId, 0, ''))).toMatchObject({
      code: 'BAD_USER_INPUT',
      paths: ['minutes', 'reason'],
    });
    for (const who of [randomUUID(), 'nope', TIME_BANK_ID])
      expect(await rejection(f.credits.grant(coordinator, who, 30, 'x'))).toMatchObject({
        code: 'NOT_FOUND',
      });
    expect(
      await rejection(f.credits.grant(coordinator, coordinator.personId, 30, 'x')),
    ).toMatchObject({
      code: 'FORBIDDEN',
      message: 'Nobody grants time credits to themselves; ask another coordinator',
      paths: [],
    });
    const elsewhere = principalIn(f, 'area-elsewhere');
    expect(
      await rejection(f.credits.grant(coordinator, elsewhere.personId, 30, 'x')),
    ).toMatchObject({
      code: 'FORBIDDEN',
    });
    expect(f.ledgerRows.state.transfers.size).toBe(0);
  });

  it('moves a keyed transfer once, and refuses one below the floor, moving nothing', async () => {
    const move = {
      key: 'k1',
      from: member.personId,
      to: coordinator.personId,
      reason: 'Help given',
      actorId: null,
    };
    expect(await f.ledger.transfer({ ...move, minutes: 100 })).toBe(true);
    expect(await f.ledger.transfer({ ...move, minutes: 100 })).toBe(false);
    expect(await rejection(f.ledger.transfer({ ...move, key: 'k2', minutes: 21 }))).toMatchObject({
      code: 'CONFLICT',
      message: 'That would take the balance below -120 minutes',
    });
    expect(await f.ledgerRows.balance(member.personId)).toBe(-100);
    expect(await f.ledgerRows.balance(coordinator.personId)).toBe(100);
    // The refused transfer's key is free again: nothing of it was kept.
    expect([...f.ledgerRows.state.transfers.keys()]).toEqual(['k1']);
    expect(await f.ledger.transfer({ ...move, key: 'k2', minutes: 20 })).toBe(true);
    expect((await f.credits.account(member.personId, 1)).entries).toHaveLength(1);
  });

  it('reads an account never used as empty', async () => {
    expect(await f.credits.account(randomUUID(), 20)).toEqual({ balanceMinutes: 0, entries: [] });
  });
});
