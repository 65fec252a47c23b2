import type { InterestRow } from '@kith/community';
import { firstName } from '@kith/identity';
import { toPublicPerson } from './public-person';

const walking = {
  id: 'i-walking',
  slug: 'walking',
  label: 'Walking',
  groupSlug: 'outdoors',
  groupLabel: 'Outdoors and nature',
} as InterestRow;

describe('a person as another member sees them', () => {
  it('keeps a first name, a distance band and the shared interests, and nothing else', () => {
    const view = toPublicPerson(
      {
        id: 'p1',
        displayName: 'Margaret Okafor-Smith',
        distanceMetres: 830.4,
        sharedInterestIds: ['i-walking', 'i-unknown'],
      },
      new Map([[walking.id, walking]]),
    );
    expect(view).toEqual({
      id: 'p1',
      firstName: 'Margaret',
      distanceBand: 'under 1 km',
      sharedInterests: [walking],
    });
    expect(Object.keys(view).sort()).toEqual([
      'distanceBand',
      'firstName',
      'id',
      'sharedInterests',
    ]);
  });

  it('has no band without a distance', () => {
    expect(
      toPublicPerson(
        { id: 'p', displayName: 'Ann', distanceMetres: null, sharedInterestIds: [] },
        new Map(),
      ).distanceBand,
    ).toBeNull();
  });

  it('takes the first word of a name however it is spaced', () => {
    expect(firstName('  Ann   Marie  Jones ')).toBe('Ann');
    expect(firstName('Cher')).toBe('Cher');
  });
});
