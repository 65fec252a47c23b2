import fc from 'fast-check';
import { reciprocal, scorePeer, sharedDay } from './peer-scoring';
import type { PeerCandidate, PeerSide } from './peer-scoring';

const popularity = { members: 100, holders: new Map([['choir', 9]]) };
const side = (overrides: Partial<PeerSide> = {}): PeerSide => ({
  radiusMetres: 2000,
  goals: new Set(),
  availability: [],
  ...overrides,
});
const peer = (overrides: Partial<PeerCandidate> = {}): PeerCandidate => ({
  personId: 'p1',
  displayName: 'Aisha',
  distanceMetres: 500,
  shared: [{ id: 'choir', label: 'Choir' }],
  side: side(),
  ...overrides,
});

describe('peer scoring', () => {
  it('combines both sides by a harmonic mean', () => {
    expect(reciprocal(0.8, 0.8)).toBeCloseTo(0.8);
    expect(reciprocal(0.9, 0.1)).toBeCloseTo(0.18);
    expect(reciprocal(0, 0.5)).toBe(0);
  });

  it('ranks a match both would welcome above one only one side would', () => {
    const viewer = side({ radiusMetres: 2000 });
    const mutual = scorePeer(viewer, peer({ side: side({ radiusMetres: 2000 }) }), popularity);
    const oneSided = scorePeer(viewer, peer({ side: side({ radiusMetres: 600 }) }), popularity);
    expect(mutual.score).toBeGreaterThan(oneSided.score);
  });

  it('finds a time both are free and explains it', () => {
    const a = side({
      availability: [{ weekday: 2, startMinute: 600, endMinute: 720 }],
      goals: new Set(['meet-new-people']),
    });
    const b = side({
      availability: [{ weekday: 2, startMinute: 700, endMinute: 800 }],
      goals: new Set(['get-out-more']),
    });
    expect(sharedDay(a, b)).toBe(2);
    const texts = scorePeer(a, peer({ side: b }), popularity).reasons.map((r) => r.text);
    expect(texts).toEqual(
      expect.arrayContaining(['1 shared interest: choir', 'You are both free on Tuesdays']),
    );
  });

  it('never scores a farther peer higher, all else equal', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 3000 }),
        fc.integer({ min: 0, max: 3000 }),
        (a, b) =>
          scorePeer(side(), peer({ distanceMetres: Math.max(a, b) }), popularity).score <=
          scorePeer(side(), peer({ distanceMetres: Math.min(a, b) }), popularity).score,
      ),
    );
  });
});
