import { TieSource } from '../network.entities';
import { RISK_REASONS_MAX, riskReasons } from './my-network.service';
import { networkGains } from './network-gains';
import type { GainFacts } from './network-gains';

const now = new Date('2026-12-01T12:00:00Z');
const daysAgo = (d: number) => new Date(now.getTime() - d * 24 * 3600_000);
const facts = (over: Partial<GainFacts> = {}): GainFacts => ({
  contacts: [],
  sessionsLast30: 0,
  sessionsPrevious30: 0,
  groupsTriedNow: 0,
  groupsTriedAtFirst: null,
  resourcesGained: [],
  ...over,
});

describe("a member's gains, in plain words", () => {
  it('counts people met this season (13 weeks), introductions and help among them', () => {
    const gains = networkGains(
      facts({
        contacts: [
          { sources: [TieSource.CO_ATTENDANCE], firstContactAt: daysAgo(3) },
          {
            sources: [TieSource.CO_ATTENDANCE, TieSource.INTRODUCTION],
            firstContactAt: daysAgo(40),
          },
          { sources: [TieSource.HELP], firstContactAt: daysAgo(90) },
          { sources: [TieSource.HELP], firstContactAt: daysAgo(92) },
        ],
      }),
      now,
      'en',
    );
    expect(gains).toEqual([
      { code: 'NEW_PEOPLE', text: "3 new people you've met this season" },
      { code: 'INTRODUCTIONS', text: 'An introduction that became a contact this season' },
      { code: 'HELP_CONTACTS', text: 'Someone you got to know through help this season' },
    ]);
  });

  it('says more sessions, new kinds of activity and resources gained; nothing when nothing went up', () => {
    expect(
      networkGains(
        facts({
          sessionsLast30: 4,
          sessionsPrevious30: 1,
          groupsTriedNow: 3,
          groupsTriedAtFirst: 1,
          resourcesGained: ['forms'],
        }),
        now,
        'en',
      ),
    ).toEqual([
      { code: 'MORE_SESSIONS', text: '4 sessions in the last month, up from 1 the month before' },
      { code: 'NEW_ACTIVITIES', text: "2 new kinds of activity you've tried" },
      {
        code: 'RESOURCE_FORMS',
        text: 'You now know someone you could ask to help you fill in a form',
      },
    ]);
    expect(networkGains(facts({ sessionsLast30: 1, sessionsPrevious30: 5 }), now, 'en')).toEqual(
      [],
    );
    expect(networkGains(facts({ resourcesGained: ['forms'] }), now, 'es')).toEqual([
      {
        code: 'RESOURCE_FORMS',
        text: 'Ahora conoces a alguien a quien podrías pedir que te ayudara a rellenar un formulario',
      },
    ]);
  });
});

describe('why a coordinator might call', () => {
  const row = {
    personId: 'p',
    displayName: 'Pat Jones',
    isolated: false,
    sessions30: 2,
    sessions90: 5,
    activeTies: 5,
    activeTiesBefore: 5,
    lonelinessNow: 5,
    lonelinessBefore: 5,
    lastAttendedAt: null,
  };

  it('gives each reason that holds, and none for someone doing fine', () => {
    expect(riskReasons(row)).toEqual([]);
    expect(riskReasons({ ...row, isolated: true, sessions30: 0 }).map((r) => r.code)).toEqual([
      'ISOLATED',
    ]);
    expect(
      riskReasons({ ...row, sessions30: 0, activeTies: 2, lonelinessNow: 8 }).map((r) => r.text),
    ).toEqual([
      'Came to 5 sessions in the last 90 days, none in the last 30',
      'Active ties fell from 5 to 2 in about four weeks',
      'Their loneliness score (UCLA, 3 to 9) rose from 5 to 8',
    ]);
    // One tie fewer, or one point lonelier, is not yet a reason.
    expect(riskReasons({ ...row, activeTies: 4, lonelinessNow: 6 })).toEqual([]);
  });

  it(`never gives more than ${RISK_REASONS_MAX} reasons (what the query's cost counts on)`, () => {
    let most = 0;
    for (const isolated of [false, true])
      for (const sessions30 of [0, 2])
        for (const activeTies of [0, 5])
          for (const lonelinessNow of [5, 9])
            most = Math.max(
              most,
              riskReasons({ ...row, isolated, sessions30, activeTies, lonelinessNow }).length,
            );
    expect(most).toBe(RISK_REASONS_MAX);
  });
});
