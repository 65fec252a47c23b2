import { adviseOnMatching } from './matching-advice';
import type { MatchingSurroundings } from './matching-advice';
import { AccessibilityFeature } from '@kith/community';

const nothing: MatchingSurroundings = {
  suggestible: 0,
  fullNearby: 0,
  heldNearby: 0,
  nearestMissing: null,
  nearestFurtherMetres: null,
  suggestibleStarts: [],
};
const member = { availability: [], needs: [] };
// Tuesday 10:00 to 12:00 London (weekday numbers as scoring keeps them: Monday 1).
const tuesdayMornings = [{ weekday: 2, startMinute: 600, endMinute: 720 }];

describe('adviseOnMatching', () => {
  it('has nothing to ask when sessions can be suggested at free times, or no free times are given', () => {
    const around = {
      ...nothing,
      suggestible: 3,
      suggestibleStarts: [new Date('2026-12-08T10:30:00Z')], // a Tuesday, 10:30 in London
    };
    expect(adviseOnMatching(member, around, 50_000).needs).toEqual([]);
    expect(
      adviseOnMatching({ ...member, availability: tuesdayMornings }, around, 50_000).needs,
    ).toEqual([]);
  });

  it('asks about free times when no session that can be suggested starts in one', () => {
    const around = {
      ...nothing,
      suggestible: 2,
      suggestibleStarts: [new Date('2026-12-09T10:30:00Z'), new Date('2026-12-08T14:00:00Z')],
    };
    expect(adviseOnMatching({ ...member, availability: tuesdayMornings }, around, 50_000)).toEqual({
      needs: ['AVAILABILITY'],
      travelRadiusMetres: null,
      unmetAccessNeeds: [],
    });
  });

  it('names the access needs the nearest session lacks, and a radius that would reach one that meets them', () => {
    const advice = adviseOnMatching(
      { ...member, needs: ['STEP_FREE', 'HEARING_LOOP'] },
      {
        ...nothing,
        nearestMissing: [AccessibilityFeature.HEARING_LOOP],
        nearestFurtherMetres: 2310,
      },
      50_000,
    );
    expect(advice).toEqual({
      needs: ['ACCESS_NEEDS', 'RADIUS'],
      travelRadiusMetres: 2500,
      unmetAccessNeeds: [AccessibilityFeature.HEARING_LOOP],
    });
  });

  it('says the sessions that fit are full, or already booked, and never offers more than the widest radius', () => {
    expect(
      adviseOnMatching(
        member,
        { ...nothing, fullNearby: 1, heldNearby: 2, nearestFurtherMetres: 49_900 },
        50_000,
      ),
    ).toEqual({
      needs: ['FULL', 'ALL_BOOKED', 'RADIUS'],
      travelRadiusMetres: 50_000,
      unmetAccessNeeds: [],
    });
    // A radius always reaches past the session, even one exactly on a step.
    expect(
      adviseOnMatching(member, { ...nothing, nearestFurtherMetres: 1000 }, 50_000)
        .travelRadiusMetres,
    ).toBe(1500);
  });

  it('says there is nothing nearby only when neither access needs nor a radius would help', () => {
    expect(adviseOnMatching(member, nothing, 50_000).needs).toEqual(['NO_SESSIONS_NEARBY']);
    expect(
      adviseOnMatching(
        { ...member, needs: ['QUIET_SPACE'] },
        { ...nothing, nearestMissing: [AccessibilityFeature.QUIET_SPACE] },
        50_000,
      ).needs,
    ).toEqual(['ACCESS_NEEDS']);
  });
});
