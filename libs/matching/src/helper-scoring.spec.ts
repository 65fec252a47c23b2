import fc from 'fast-check';
import { rankHelpers, scoreHelper } from './helper-scoring';
import type { HelperCandidate } from './helper-scoring';

const helper = (overrides: Partial<HelperCandidate> = {}): HelperCandidate => ({
  helperId: 'h1',
  displayName: 'Dev',
  distanceMetres: 1000,
  radiusMetres: 4000,
  pastVisits: 0,
  pastRatings: [],
  recentMinutes: 0,
  sharedInterestIds: [],
  ...overrides,
});

describe('scoreHelper', () => {
  it('adds up a hand-worked case: proximity and fairness for a new helper', () => {
    // proximity 1 - 1000/4000 = 0.75 -> 0.25 * 0.75; fairness 1 -> 0.15
    expect(scoreHelper(helper()).score).toBeCloseTo(0.1875 + 0.15, 4);
    // helped twice, rated 5: (0.6 + 0.4 * 2/3) * 1 -> 0.6 * 0.8667
    expect(scoreHelper(helper({ pastVisits: 2, pastRatings: [5, 5] })).score).toBeCloseTo(
      0.6 * (0.6 + 0.8 / 3) + 0.1875 + 0.15,
      4,
    );
  });

  it('puts the trusted helper from before first, and says so', () => {
    const trusted = scoreHelper(
      helper({
        helperId: 'h2',
        pastVisits: 2,
        pastRatings: [5, 5],
        distanceMetres: 3500,
        recentMinutes: 500,
      }),
    );
    expect(trusted.reasons[0]).toMatchObject({
      code: 'HELPED_BEFORE',
      text: 'Helped you twice before, rated 5',
    });
    const ranked = rankHelpers(
      [
        helper(),
        helper({
          helperId: 'h2',
          pastVisits: 2,
          pastRatings: [5, 5],
          distanceMetres: 3500,
          recentMinutes: 500,
        }),
      ],
      5,
    );
    expect(ranked.map((r) => r.candidate.helperId)).toEqual(['h2', 'h1']);
  });

  it('lets poor past ratings count against continuity', () => {
    const poor = scoreHelper(helper({ helperId: 'poor', pastVisits: 3, pastRatings: [1, 1, 2] }));
    const good = scoreHelper(helper({ helperId: 'good', pastVisits: 3, pastRatings: [5, 4, 5] }));
    expect(good.score).toBeGreaterThan(poor.score);
  });

  it('ranks a helper who has given less lately higher, all else equal', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2000 }),
        fc.integer({ min: 0, max: 2000 }),
        fc.integer({ min: 0, max: 4000 }),
        (a, b, d) => {
          const less = scoreHelper(
            helper({ recentMinutes: Math.min(a, b), distanceMetres: d }),
          ).score;
          const more = scoreHelper(
            helper({ recentMinutes: Math.max(a, b), distanceMetres: d }),
          ).score;
          return less >= more;
        },
      ),
    );
  });

  it('never scores a farther helper higher, all else equal', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 4000 }),
        fc.integer({ min: 0, max: 4000 }),
        fc.integer({ min: 0, max: 3 }),
        (a, b, visits) => {
          const near = scoreHelper(
            helper({
              distanceMetres: Math.min(a, b),
              pastVisits: visits,
              pastRatings: visits ? [4] : [],
            }),
          ).score;
          const far = scoreHelper(
            helper({
              distanceMetres: Math.max(a, b),
              pastVisits: visits,
              pastRatings: visits ? [4] : [],
            }),
          ).score;
          return far <= near;
        },
      ),
    );
  });
});
