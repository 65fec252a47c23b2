/** Plain answers for the profile, onboarding and settings operations, for component tests. */

export function memberProfile(overrides: Record<string, unknown> = {}) {
  return {
    hasHome: false,
    postcode: null,
    travelRadiusMetres: 1000,
    accessibilityNeeds: [],
    goals: [],
    availability: [],
    interests: [],
    area: null,
    ...overrides,
  };
}

/** MyProfile's answer; `profile: null` for a person with no member profile yet. */
export function myProfile(
  overrides: Record<string, unknown> | null = {},
  displayName = 'Ada',
  id = 'p1',
) {
  return {
    data: {
      me: { id, displayName, memberProfile: overrides === null ? null : memberProfile(overrides) },
    },
  };
}

export function savedProfile(overrides: Record<string, unknown> = {}) {
  return { data: { updateMemberProfile: memberProfile(overrides) } };
}

export const INTERESTS = {
  data: {
    interests: [
      {
        id: 'i1',
        slug: 'gardening',
        label: 'Gardening',
        group: 'outdoors',
        groupLabel: 'Outdoors',
      },
      { id: 'i2', slug: 'walking', label: 'Walking', group: 'outdoors', groupLabel: 'Outdoors' },
      { id: 'i3', slug: 'knitting', label: 'Knitting', group: 'crafts', groupLabel: 'Crafts' },
    ],
  },
};

export const GOALS = {
  data: {
    goals: [
      { slug: 'meet-people', label: 'Meet new people' },
      { slug: 'get-out', label: 'Get out of the house more' },
    ],
  },
};

export function nudgePreferences(overrides: Record<string, unknown> = {}) {
  return {
    channels: ['INBOX', 'EMAIL'],
    quietHoursStart: '21:00',
    quietHoursEnd: '08:00',
    language: 'en',
    ...overrides,
  };
}

export function myNudgePreferences(overrides: Record<string, unknown> = {}) {
  return { data: { myNudgePreferences: nudgePreferences(overrides) } };
}
