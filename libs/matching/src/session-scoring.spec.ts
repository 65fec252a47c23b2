import fc from 'fast-check';
import { GOALS } from '@kith/community';
import {
  diversify,
  distanceDecay,
  GOAL_EFFECTS,
  interestFit,
  rarity,
  scoreSession,
  sessionScore,
  varietyReason,
} from './session-scoring';
import type { InterestPopularity, MemberForMatching, SessionCandidate } from './session-scoring';
import { MATCH_WEIGHTS } from './weights';

const walking = {
  id: 'walking',
  label: 'Walking',
  group: 'outdoors',
  groupLabel: 'Outdoors and nature',
  active: true,
};
const choir = { id: 'choir', label: 'Choir', group: 'music', groupLabel: 'Music', active: false };
const chess = {
  id: 'chess',
  label: 'Chess',
  group: 'games',
  groupLabel: 'Games and puzzles',
  active: false,
};

const popularity: InterestPopularity = {
  members: 99,
  holders: new Map([
    ['walking', 49],
    ['choir', 9],
    ['chess', 0],
  ]),
};

const member: MemberForMatching = {
  interestIds: new Set(['walking', 'choir']),
  chosenGroups: new Set(['outdoors', 'music']),
  goals: new Set(),
  availability: [{ weekday: 2, startMinute: 9 * 60, endMinute: 12 * 60 }],
  radiusMetres: 2000,
  triedGroups: new Set(['outdoors', 'music']),
};

// Tuesday 2027-01-12 10:00 London (GMT).
const candidate = (overrides: Partial<SessionCandidate> = {}): SessionCandidate => ({
  sessionId: 's1',
  activityId: 'a1',
  startsAt: new Date('2027-01-12T10:00:00Z'),
  distanceMetres: 500,
  interests: [walking],
  knownGoing: [],
  bookedCount: 0,
  ...overrides,
});

describe('scoring parts', () => {
  it('weights a rare interest above a common one', () => {
    // log(1 + 99/50) / log(100) and log(1 + 99/10) / log(100)
    expect(rarity('walking', popularity)).toBeCloseTo(Math.log(1 + 99 / 50) / Math.log(100), 6);
    expect(rarity('choir', popularity)).toBeCloseTo(Math.log(1 + 99 / 10) / Math.log(100), 6);
    expect(rarity('chess', popularity)).toBeGreaterThan(rarity('choir', popularity));
  });

  it('decays linearly inside the radius', () => {
    expect(distanceDecay(0, 2000)).toBe(1);
    expect(distanceDecay(500, 2000)).toBe(0.75);
    expect(distanceDecay(2000, 2000)).toBe(0);
    expect(distanceDecay(5000, 2000)).toBe(0);
  });
});

describe('scoreSession', () => {
  it('adds up the weighted parts of a hand-worked case, with its reasons', () => {
    const scored = scoreSession(member, candidate(), popularity);
    const w = MATCH_WEIGHTS.session;
    const floor = MATCH_WEIGHTS.sharedInterestFloor;
    const interest = floor + (1 - floor) * Math.min(1, rarity('walking', popularity) / 1.5);
    const expected = w.interest * interest + w.distance * 0.75 + w.availability * 1;
    expect(scored.score).toBeCloseTo(expected, 4);
    expect(scored.reasons.map((r) => r.code)).toEqual(
      ['NEARBY', 'AVAILABLE', 'SHARED_INTERESTS'].sort((a, b) => {
        const weight = {
          NEARBY: w.distance * 0.75,
          AVAILABLE: w.availability,
          SHARED_INTERESTS: w.interest * interest,
        };
        return weight[b as keyof typeof weight] - weight[a as keyof typeof weight];
      }),
    );
    expect(scored.reasons.find((r) => r.code === 'SHARED_INTERESTS')?.text).toBe(
      '1 shared interest: walking',
    );
    expect(scored.reasons.find((r) => r.code === 'NEARBY')?.text).toBe('under 1 km from home');
    expect(scored.reasons.find((r) => r.code === 'AVAILABLE')?.text).toBe(
      'Tuesday mornings suit you',
    );
  });

  it('names people the member knows, and gives no location', () => {
    const scored = scoreSession(
      member,
      candidate({ knownGoing: ['Aisha', 'Tom', 'Bea'], interests: [walking, choir] }),
      popularity,
    );
    const texts = scored.reasons.map((r) => r.text);
    expect(scored.reasons.length).toBeLessThanOrEqual(3);
    expect(texts).toContain('2 shared interests: walking and choir');
    const all = scoreSession(
      { ...member, availability: [] },
      candidate({ knownGoing: ['Aisha', 'Tom', 'Bea'], distanceMetres: 1900 }),
      popularity,
    ).reasons;
    expect(all.find((r) => r.code === 'KNOWN_PEOPLE')?.text).toBe(
      'Aisha, Tom and 1 other you know are going',
    );
    expect(all.map((r) => r.text).join(' ')).not.toMatch(/\d+\.\d+|metres|\d{3,} m/);
  });

  it("serves the member's goals and rewards something new", () => {
    const active = scoreSession(
      { ...member, goals: new Set(['get-active']) },
      candidate(),
      popularity,
    );
    expect(active.score).toBeGreaterThan(scoreSession(member, candidate(), popularity).score);
    const fresh = scoreSession(member, candidate({ interests: [chess] }), popularity);
    expect(fresh.reasons.map((r) => r.text)).toContain('Something new for you: games and puzzles');
  });

  it('calls nothing new that the member chose or has tried', () => {
    const chose = { ...member, triedGroups: new Set<string>() };
    const codes = scoreSession(chose, candidate({ interests: [choir] }), popularity).reasons.map(
      (r) => r.code,
    );
    expect(codes).not.toContain('SOMETHING_NEW');
    const tried = { ...member, triedGroups: new Set(['games']) };
    expect(
      scoreSession(tried, candidate({ interests: [chess] }), popularity).reasons.map((r) => r.code),
    ).not.toContain('SOMETHING_NEW');
  });
});

describe('goals', () => {
  const volunteering = {
    id: 'volunteering',
    label: 'Volunteering',
    group: 'community',
    groupLabel: 'Community and culture',
    active: false,
  };
  const books = {
    id: 'book-club',
    label: 'Book club',
    group: 'learning',
    groupLabel: 'Learning',
    active: false,
  };
  // For each goal: a session it favours (with the reason it gives) and one it does not.
  const cases: Record<string, { favours: SessionCandidate; not: SessionCandidate; code: string }> =
    {
      'meet-new-people': {
        favours: candidate({ bookedCount: 6 }),
        not: candidate({ bookedCount: 1 }),
        code: 'GOAL_NEW_PEOPLE',
      },
      'get-active': {
        favours: candidate(),
        not: candidate({ interests: [choir] }),
        code: 'GOAL_ACTIVE',
      },
      'learn-something': {
        favours: candidate({ interests: [books] }),
        not: candidate(),
        code: 'GOAL_LEARN',
      },
      'give-back': {
        favours: candidate({ interests: [volunteering] }),
        not: candidate(),
        code: 'GOAL_GIVE_BACK',
      },
      'get-out-more': {
        favours: candidate({ distanceMetres: 400 }),
        not: candidate({ distanceMetres: 1400 }),
        code: 'GOAL_GET_OUT',
      },
      'feel-more-confident': {
        favours: candidate({ knownGoing: ['Aisha'], bookedCount: 12 }),
        not: candidate({ bookedCount: 12 }),
        code: 'GOAL_CONFIDENCE',
      },
      'share-a-skill': {
        favours: candidate(),
        not: candidate({ interests: [chess] }),
        code: 'GOAL_SHARE_SKILL',
      },
    };

  it('gives every goal a member can choose an effect', () => {
    expect(Object.keys(GOAL_EFFECTS).sort()).toEqual(GOALS.map((g) => g.slug).sort());
    expect(Object.keys(cases).sort()).toEqual(GOALS.map((g) => g.slug).sort());
  });

  it.each(Object.entries(cases))('%s lifts the sessions it is about, and says so', (goal, c) => {
    const who = { ...member, goals: new Set([goal]) };
    const without = { ...member, goals: new Set<string>() };
    const lift = (s: SessionCandidate) =>
      scoreSession(who, s, popularity).score - scoreSession(without, s, popularity).score;
    expect(lift(c.favours)).toBeGreaterThan(0);
    expect(lift(c.not)).toBeCloseTo(0, 6);
    const reason = scoreSession(
      { ...member, goals: new Set([goal]), availability: [] },
      { ...c.favours, distanceMetres: Math.min(c.favours.distanceMetres, 900) },
      popularity,
    ).reasons.find((r) => r.code === c.code);
    expect(reason?.text.length).toBeGreaterThan(10);
  });
});

const arbitraryCandidate = fc.record({
  distance: fc.integer({ min: 0, max: 5000 }),
  interestCount: fc.integer({ min: 0, max: 3 }),
  known: fc.integer({ min: 0, max: 5 }),
  booked: fc.integer({ min: 0, max: 30 }),
  hour: fc.integer({ min: 8, max: 20 }),
});

describe('scoring properties', () => {
  const interests = [walking, choir, chess];
  const build = (c: {
    distance: number;
    interestCount: number;
    known: number;
    booked: number;
    hour: number;
  }) =>
    candidate({
      distanceMetres: c.distance,
      interests: interests.slice(0, c.interestCount),
      knownGoing: Array.from({ length: c.known }, (_, i) => `P${i}`),
      bookedCount: Math.max(c.booked, c.known),
      startsAt: new Date(Date.UTC(2027, 0, 12, c.hour)),
    });
  const goals = fc.subarray(['meet-new-people', 'get-active', 'learn-something']);

  it('never scores a farther session higher, all else equal', () => {
    fc.assert(
      fc.property(arbitraryCandidate, fc.integer({ min: 0, max: 5000 }), goals, (c, extra, g) => {
        const who = { ...member, goals: new Set(g) };
        const near = scoreSession(who, build(c), popularity).score;
        const far = scoreSession(
          who,
          build({ ...c, distance: c.distance + extra }),
          popularity,
        ).score;
        return far <= near;
      }),
    );
  });

  it('never lowers a score for an extra shared interest', () => {
    fc.assert(
      fc.property(arbitraryCandidate, goals, (c, g) => {
        const who = {
          ...member,
          interestIds: new Set(['walking', 'choir', 'chess']),
          goals: new Set(g),
          triedGroups: new Set(['outdoors', 'music', 'games']),
        };
        const fewer = scoreSession(
          who,
          build({ ...c, interestCount: Math.min(c.interestCount, 2) }),
          popularity,
        ).score;
        const more = scoreSession(
          who,
          build({ ...c, interestCount: Math.min(c.interestCount, 2) + 1 }),
          popularity,
        ).score;
        return more >= fewer;
      }),
    );
  });

  it('ranks by the same score it explains', () => {
    fc.assert(
      fc.property(
        arbitraryCandidate,
        goals,
        fc.subarray(['outdoors', 'music', 'games']),
        (c, g, tried) => {
          const who = { ...member, goals: new Set(g), triedGroups: new Set(tried) };
          return (
            sessionScore(who, build(c), popularity) ===
            scoreSession(who, build(c), popularity).score
          );
        },
      ),
    );
  });

  it('puts a shared interest anywhere in the radius above a session on nothing the member likes', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2000 }),
        fc.integer({ min: 0, max: 2000 }),
        fc.integer({ min: 8, max: 20 }),
        fc.integer({ min: 0, max: 30 }),
        fc.boolean(),
        (near, far, hour, booked, triedChess) => {
          const who = { ...member, triedGroups: new Set(triedChess ? ['games'] : []) };
          const at = new Date(Date.UTC(2027, 0, 12, hour));
          const liked = candidate({ distanceMetres: far, startsAt: at, bookedCount: booked });
          const other = candidate({
            distanceMetres: near,
            startsAt: at,
            bookedCount: booked,
            interests: [chess],
          });
          return (
            scoreSession(who, liked, popularity).score > scoreSession(who, other, popularity).score
          );
        },
      ),
    );
    expect(interestFit([], popularity)).toBe(0);
  });

  it('keeps every score between 0 and the sum of the weights', () => {
    const total = Object.values(MATCH_WEIGHTS.session).reduce((a, b) => a + b, 0);
    fc.assert(
      fc.property(arbitraryCandidate, goals, (c, g) => {
        const { score } = scoreSession({ ...member, goals: new Set(g) }, build(c), popularity);
        return score >= 0 && score <= total + 1e-9;
      }),
    );
  });
});

describe('diversify', () => {
  const scored = (id: string, activity: string, group: typeof walking, score: number) => ({
    candidate: candidate({ sessionId: id, activityId: activity, interests: [group] }),
    score,
    reasons: [],
  });

  it('breaks up ten walks in a row, and offers one thing new', () => {
    const walks = Array.from({ length: 10 }, (_, i) =>
      scored(`w${i}`, `walk${i}`, walking, 0.8 - i * 0.001),
    );
    const list = diversify(
      member,
      [...walks, scored('c1', 'choir1', choir, 0.7), scored('g1', 'chess1', chess, 0.65)],
      6,
    );
    const ids = list.map((s) => s.candidate.sessionId);
    expect(ids[0]).toBe('w0');
    expect(ids).toContain('c1');
    expect(ids).toContain('g1');
    expect(ids.filter((id) => id.startsWith('w')).length).toBe(4);
  });

  it("keeps the list on the member's interests: something new once, not a stream of it", () => {
    const off = Array.from({ length: 6 }, (_, i) =>
      scored(`g${i}`, `chess${i}`, chess, 0.62 - i * 0.001),
    );
    const on = Array.from({ length: 10 }, (_, i) =>
      scored(`w${i}`, `walk${i}`, i % 2 ? walking : choir, 0.6 - i * 0.005),
    );
    const list = diversify(member, [...off, ...on], 10);
    const offCount = list.filter((s) => s.candidate.sessionId.startsWith('g')).length;
    expect(offCount).toBeGreaterThanOrEqual(1);
    expect(offCount).toBeLessThanOrEqual(3);
  });

  it('prefers another activity to the next session of the same one', () => {
    const list = diversify(
      member,
      [
        scored('a-1', 'a', walking, 0.9),
        scored('a-2', 'a', walking, 0.89),
        scored('b-1', 'b', choir, 0.6),
      ],
      2,
    );
    expect(list.map((s) => s.candidate.sessionId)).toEqual(['a-1', 'b-1']);
  });

  it('returns a subset of what it was given, at most first, without repeats, in score order', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(
            fc.integer({ min: 0, max: 5 }),
            fc.integer({ min: 0, max: 2 }),
            fc.double({ min: 0, max: 1, noNaN: true }),
          ),
          { maxLength: 30 },
        ),
        fc.integer({ min: 1, max: 20 }),
        (rows, first) => {
          const input = rows.map(([a, g, s], i) =>
            scored(`s${i}`, `a${a}`, [walking, choir, chess][g], s),
          );
          const out = diversify(member, input, first);
          const ids = out.map((s) => s.candidate.sessionId);
          return (
            out.length === Math.min(first, input.length) &&
            new Set(ids).size === ids.length &&
            ids.every((id) => input.some((s) => s.candidate.sessionId === id)) &&
            out.every((s, i) => i === 0 || s.score <= out[i - 1].score)
          );
        },
      ),
    );
  });
});

describe('varietyReason', () => {
  it('explains what the re-ranking added or took away, and is silent when it did nothing', () => {
    expect(varietyReason(0.5, 0.5)).toBeUndefined();
    expect(varietyReason(0.5, 0.505)).toBeUndefined();
    expect(varietyReason(0.5, 0.58)).toMatchObject({ code: 'VARIETY', weight: 0.08 });
    expect(varietyReason(0.5, 0.44)).toMatchObject({ code: 'VARIETY', weight: -0.06 });
  });
});
