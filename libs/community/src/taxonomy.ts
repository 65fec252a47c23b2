/**
 * What Kith ships as data: interests in groups, the goals a member can choose, accessibility
 * features. Slugs are stable: clients and reports rely on them, so rename labels, never slugs.
 */

/**
 * Age bands a member may choose to give (the ONS's ten-year bands from 25, with the young and
 * the oldest together): what diversity of contacts and the reports' demographics count by.
 */
export const AGE_BANDS = [
  '16-24',
  '25-34',
  '35-44',
  '45-54',
  '55-64',
  '65-74',
  '75-84',
  '85+',
] as const;
export type AgeBand = (typeof AGE_BANDS)[number];

export interface InterestDefinition {
  slug: string;
  label: string;
  /** Physically active, for "get active" matching. */
  active: boolean;
}

export interface InterestGroupDefinition {
  slug: string;
  label: string;
  interests: InterestDefinition[];
}

const i = (slug: string, label: string, active = false): InterestDefinition => ({
  slug,
  label,
  active,
});

export const INTEREST_GROUPS: InterestGroupDefinition[] = [
  {
    slug: 'outdoors',
    label: 'Outdoors and nature',
    interests: [
      i('walking', 'Walking', true),
      i('gardening', 'Gardening', true),
      i('birdwatching', 'Birdwatching'),
      i('nature-conservation', 'Nature conservation', true),
      i('allotments', 'Allotments', true),
      i('park-clean-ups', 'Park clean-ups', true),
    ],
  },
  {
    slug: 'movement',
    label: 'Sport and movement',
    interests: [
      i('chair-yoga', 'Chair yoga', true),
      i('tai-chi', 'Tai chi', true),
      i('swimming', 'Swimming', true),
      i('dancing', 'Dancing', true),
      i('bowls', 'Bowls', true),
      i('table-tennis', 'Table tennis', true),
      i('cycling', 'Cycling', true),
    ],
  },
  {
    slug: 'music',
    label: 'Music',
    interests: [
      i('choir', 'Choir'),
      i('singing-for-wellbeing', 'Singing for wellbeing'),
      i('playing-an-instrument', 'Playing an instrument'),
      i('listening-to-music', 'Listening to music'),
      i('ukulele', 'Ukulele'),
      i('music-quiz', 'Music quizzes'),
    ],
  },
  {
    slug: 'arts-crafts',
    label: 'Arts and crafts',
    interests: [
      i('painting', 'Painting and drawing'),
      i('knitting', 'Knitting and crochet'),
      i('pottery', 'Pottery'),
      i('sewing', 'Sewing'),
      i('photography', 'Photography'),
      i('woodwork', 'Woodwork'),
    ],
  },
  {
    slug: 'food',
    label: 'Food and drink',
    interests: [
      i('cooking', 'Cooking'),
      i('baking', 'Baking'),
      i('lunch-clubs', 'Lunch clubs'),
      i('coffee-mornings', 'Coffee mornings'),
      i('world-food', 'Food from around the world'),
      i('growing-food', 'Growing food', true),
    ],
  },
  {
    slug: 'learning',
    label: 'Learning',
    interests: [
      i('languages', 'Languages'),
      i('local-history', 'Local history'),
      i('book-club', 'Book club'),
      i('creative-writing', 'Creative writing'),
      i('talks-lectures', 'Talks and lectures'),
      i('science', 'Science'),
    ],
  },
  {
    slug: 'games',
    label: 'Games and puzzles',
    interests: [
      i('board-games', 'Board games'),
      i('cards', 'Cards and bridge'),
      i('chess', 'Chess'),
      i('quizzes', 'Quizzes'),
      i('puzzles', 'Puzzles and crosswords'),
      i('bingo', 'Bingo'),
    ],
  },
  {
    slug: 'digital',
    label: 'Technology',
    interests: [
      i('smartphone-skills', 'Getting to grips with smartphones'),
      i('video-calling', 'Video calling family'),
      i('online-safety', 'Staying safe online'),
      i('computer-basics', 'Computer basics'),
      i('family-history', 'Family history research'),
    ],
  },
  {
    slug: 'wellbeing',
    label: 'Health and wellbeing',
    interests: [
      i('mindfulness', 'Mindfulness'),
      i('peer-support', 'Peer support groups'),
      i('memory-cafe', 'Memory cafés'),
      i('falls-prevention', 'Strength and balance', true),
      i('healthy-eating', 'Healthy eating'),
      i('walking-football', 'Walking football', true),
    ],
  },
  {
    slug: 'community',
    label: 'Community and culture',
    interests: [
      i('volunteering', 'Volunteering'),
      i('faith-groups', 'Faith and spiritual groups'),
      i('film-club', 'Film club'),
      i('theatre', 'Theatre and shows'),
      i('museums', 'Museums and galleries'),
      i('repair-cafe', 'Repair café'),
    ],
  },
];

export const INTERESTS = INTEREST_GROUPS.flatMap((group) =>
  group.interests.map((interest) => ({ ...interest, group })),
);

export interface GoalDefinition {
  slug: string;
  label: string;
}

export const GOALS: GoalDefinition[] = [
  { slug: 'meet-new-people', label: 'Meet new people' },
  { slug: 'get-active', label: 'Get active' },
  { slug: 'learn-something', label: 'Learn something new' },
  { slug: 'give-back', label: 'Give something back' },
  { slug: 'get-out-more', label: 'Get out of the house more' },
  { slug: 'feel-more-confident', label: 'Feel more confident' },
  { slug: 'share-a-skill', label: 'Share a skill' },
];

export enum AccessibilityFeature {
  STEP_FREE = 'STEP_FREE',
  ACCESSIBLE_TOILET = 'ACCESSIBLE_TOILET',
  HEARING_LOOP = 'HEARING_LOOP',
  QUIET_SPACE = 'QUIET_SPACE',
  SEATING = 'SEATING',
  LARGE_PRINT = 'LARGE_PRINT',
}

export enum Weekday {
  MON = 'MON',
  TUE = 'TUE',
  WED = 'WED',
  THU = 'THU',
  FRI = 'FRI',
  SAT = 'SAT',
  SUN = 'SUN',
}

export const WEEKDAY_NUMBER: Record<Weekday, number> = {
  MON: 1,
  TUE: 2,
  WED: 3,
  THU: 4,
  FRI: 5,
  SAT: 6,
  SUN: 7,
};
