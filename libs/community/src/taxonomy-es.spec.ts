import { GOALS, INTEREST_GROUPS } from './taxonomy';
import {
  GOAL_LABELS_ES,
  INTEREST_GROUP_LABELS_ES,
  INTEREST_LABELS_ES,
  interestLabel,
} from './taxonomy-es';

describe('the catalogue in Spanish', () => {
  it('has a Spanish label for every interest, group and goal, and none for what is not there', () => {
    const interests = INTEREST_GROUPS.flatMap((g) => g.interests.map((i) => i.slug));
    expect(Object.keys(INTEREST_LABELS_ES).sort()).toEqual([...interests].sort());
    expect(Object.keys(INTEREST_GROUP_LABELS_ES).sort()).toEqual(
      INTEREST_GROUPS.map((g) => g.slug).sort(),
    );
    expect(Object.keys(GOAL_LABELS_ES).sort()).toEqual(GOALS.map((g) => g.slug).sort());
  });

  it('falls back to the stored label for an interest an operator added', () => {
    expect(interestLabel('walking', 'Walking', 'es')).toBe('Caminar');
    expect(interestLabel('walking', 'Walking', 'en')).toBe('Walking');
    expect(interestLabel('kite-flying', 'Kite flying', 'es')).toBe('Kite flying');
  });
});
