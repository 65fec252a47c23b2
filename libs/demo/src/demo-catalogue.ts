/**
 * What a real neighbourhood's noticeboard lists: the kinds of venue, and activities as their
 * organisers would name and tag them. Tags are interest slugs from the taxonomy (a spec checks
 * each exists, and that every interest has at least one activity).
 */

export type VenueKind =
  | 'community-centre'
  | 'library'
  | 'church-hall'
  | 'park-cafe'
  | 'leisure-centre'
  | 'community-garden'
  | 'tenants-hall';

export const VENUE_KINDS: VenueKind[] = [
  'community-centre',
  'library',
  'church-hall',
  'park-cafe',
  'leisure-centre',
  'community-garden',
  'tenants-hall',
];

export type PartOfDay = 'morning' | 'afternoon' | 'evening';

export const START_TIMES: Record<PartOfDay, [number, number][]> = {
  morning: [
    [10, 0],
    [10, 30],
    [11, 0],
  ],
  afternoon: [
    [13, 30],
    [14, 0],
    [14, 30],
  ],
  evening: [
    [18, 0],
    [18, 30],
    [19, 0],
  ],
};

export interface ActivityTemplate {
  title: string;
  /** The first tag is what the activity is mostly about. */
  tags: string[];
  when: PartOfDay[];
  /** Venues it can be held at; any indoor venue when absent. */
  at?: VenueKind[];
}

const INDOORS: VenueKind[] = ['community-centre', 'library', 'church-hall', 'tenants-hall'];
const ALL_DAY: PartOfDay[] = ['morning', 'afternoon', 'evening'];
const DAYTIME: PartOfDay[] = ['morning', 'afternoon'];

const t = (
  title: string,
  tags: string[],
  when: PartOfDay[] = DAYTIME,
  at?: VenueKind[],
): ActivityTemplate => ({ title, tags, when, at });

export const ACTIVITY_TEMPLATES: ActivityTemplate[] = [
  t('Health walk', ['walking'], ['morning'], ['park-cafe', 'community-centre', 'leisure-centre']),
  t('Photography walk', ['photography', 'walking'], DAYTIME, ['park-cafe', 'library']),
  t('Birdwatching stroll', ['birdwatching', 'walking'], ['morning'], ['park-cafe']),
  t(
    'Community garden morning',
    ['gardening', 'growing-food', 'volunteering'],
    ['morning'],
    ['community-garden'],
  ),
  t('Allotment club', ['allotments', 'growing-food'], DAYTIME, ['community-garden']),
  t(
    'Park clean-up',
    ['park-clean-ups', 'nature-conservation', 'volunteering'],
    ['morning'],
    ['park-cafe', 'community-garden'],
  ),
  t('Conservation volunteers', ['nature-conservation', 'volunteering'], DAYTIME, [
    'community-garden',
    'park-cafe',
  ]),
  t('Chair yoga', ['chair-yoga', 'falls-prevention'], DAYTIME, [...INDOORS, 'leisure-centre']),
  t(
    'Tai chi',
    ['tai-chi', 'falls-prevention'],
    ['morning'],
    ['community-centre', 'church-hall', 'park-cafe', 'leisure-centre'],
  ),
  t('Strength and balance class', ['falls-prevention', 'chair-yoga'], DAYTIME, [
    'leisure-centre',
    'community-centre',
    'church-hall',
  ]),
  t('Over-55s swim', ['swimming'], ['morning', 'afternoon'], ['leisure-centre']),
  t(
    'Tea dance',
    ['dancing', 'listening-to-music'],
    ['afternoon'],
    ['church-hall', 'community-centre'],
  ),
  t('Short mat bowls', ['bowls'], DAYTIME, ['leisure-centre', 'church-hall']),
  t('Table tennis drop-in', ['table-tennis'], ALL_DAY, ['leisure-centre', 'community-centre']),
  t('Gentle cycling group', ['cycling'], ['morning'], ['leisure-centre', 'park-cafe']),
  t('Walking football', ['walking-football'], ['morning', 'evening'], ['leisure-centre']),
  t(
    'Community choir',
    ['choir', 'singing-for-wellbeing'],
    ['afternoon', 'evening'],
    ['church-hall', 'community-centre'],
  ),
  t('Singing for wellbeing', ['singing-for-wellbeing', 'choir'], DAYTIME, INDOORS),
  t('Music memories afternoon', ['listening-to-music', 'memory-cafe'], ['afternoon'], INDOORS),
  t(
    'Record club',
    ['listening-to-music'],
    ['afternoon', 'evening'],
    ['library', 'park-cafe', 'community-centre'],
  ),
  t('Ukulele for beginners', ['ukulele', 'playing-an-instrument'], ALL_DAY, INDOORS),
  t(
    'Folk music session',
    ['playing-an-instrument', 'listening-to-music'],
    ['evening'],
    ['church-hall', 'community-centre'],
  ),
  t(
    'Music quiz night',
    ['music-quiz', 'quizzes'],
    ['evening'],
    ['community-centre', 'tenants-hall'],
  ),
  t('Painting and drawing', ['painting'], DAYTIME, INDOORS),
  t('Knit and natter', ['knitting', 'coffee-mornings'], DAYTIME, [...INDOORS, 'park-cafe']),
  t('Pottery taster', ['pottery'], DAYTIME, ['community-centre']),
  t('Sewing bee', ['sewing', 'repair-cafe'], DAYTIME, INDOORS),
  t("Men's shed woodwork", ['woodwork', 'repair-cafe'], DAYTIME, [
    'community-centre',
    'tenants-hall',
  ]),
  t(
    'Cook and eat together',
    ['cooking', 'healthy-eating', 'world-food'],
    ['morning', 'evening'],
    ['community-centre', 'church-hall'],
  ),
  t('Baking club', ['baking'], DAYTIME, ['community-centre', 'church-hall']),
  t(
    'Lunch club',
    ['lunch-clubs'],
    ['morning'],
    ['church-hall', 'community-centre', 'tenants-hall'],
  ),
  t('Coffee morning', ['coffee-mornings'], ['morning'], [...INDOORS, 'park-cafe']),
  t(
    'World kitchen supper',
    ['world-food', 'cooking'],
    ['evening'],
    ['community-centre', 'church-hall'],
  ),
  t('Spanish conversation café', ['languages'], ALL_DAY, ['library', 'park-cafe']),
  t(
    'Local history talk',
    ['local-history', 'talks-lectures'],
    ['afternoon', 'evening'],
    ['library', 'church-hall'],
  ),
  t('Book club', ['book-club'], ALL_DAY, ['library', 'park-cafe']),
  t('Creative writing circle', ['creative-writing'], DAYTIME, ['library']),
  t('Science café', ['science', 'talks-lectures'], ['evening'], ['library', 'park-cafe']),
  t('Board games afternoon', ['board-games', 'cards'], ['afternoon'], [...INDOORS, 'park-cafe']),
  t('Bridge club', ['cards'], DAYTIME, ['church-hall', 'community-centre']),
  t('Chess club', ['chess'], ['afternoon', 'evening'], ['library', 'community-centre']),
  t('Quiz afternoon', ['quizzes', 'puzzles'], ['afternoon'], ['tenants-hall', 'community-centre']),
  t('Crossword and puzzle club', ['puzzles'], ['morning'], ['library', 'park-cafe']),
  t('Bingo and tea', ['bingo'], ['afternoon'], ['tenants-hall', 'church-hall', 'community-centre']),
  t('Smartphone drop-in', ['smartphone-skills', 'video-calling'], DAYTIME, ['library']),
  t('Computer basics', ['computer-basics', 'online-safety'], DAYTIME, [
    'library',
    'community-centre',
  ]),
  t('Staying safe online', ['online-safety', 'smartphone-skills'], DAYTIME, ['library']),
  t('Family history group', ['family-history', 'local-history'], DAYTIME, ['library']),
  t('Mindfulness for beginners', ['mindfulness'], ['morning', 'evening'], INDOORS),
  t('Peer support group', ['peer-support'], ALL_DAY, [
    'community-centre',
    'church-hall',
    'library',
  ]),
  t(
    'Memory café',
    ['memory-cafe', 'coffee-mornings'],
    ['afternoon'],
    ['church-hall', 'community-centre', 'library'],
  ),
  t('Healthy eating workshop', ['healthy-eating', 'cooking'], DAYTIME, ['community-centre']),
  t('Volunteer befriending drop-in', ['volunteering', 'peer-support'], DAYTIME, [
    'community-centre',
    'library',
  ]),
  t('Faith and friendship group', ['faith-groups'], DAYTIME, ['church-hall']),
  t('Film club', ['film-club'], ['afternoon', 'evening'], ['library', 'community-centre']),
  t('Theatre trip club', ['theatre'], ['afternoon'], ['community-centre', 'library']),
  t('Gallery visits group', ['museums'], ['morning'], ['library', 'community-centre']),
  t(
    'Repair café',
    ['repair-cafe', 'volunteering'],
    ['morning', 'afternoon'],
    ['community-centre', 'tenants-hall'],
  ),
];

/** Place names for venues where a ward's own name will not do (the synthetic city's). */
export const PLACES = [
  'Albion',
  'Beacon Hill',
  'Brook Green',
  'Canal Side',
  'Elmfield',
  'Fairfield',
  'Gospel Oak',
  'Hatherley',
  'Kingsmead',
  'Lime Grove',
  'Millbrook',
  'Northcote',
  'Orchard Vale',
  'Parkside',
  'Queensbury',
  'Redcliffe',
  'Southfields',
  'Thornbury',
  'Westbourne',
  'Woodside',
];

export const SAINTS = [
  "St Mary's",
  "St John's",
  "St Peter's",
  "St Luke's",
  "St Anne's",
  "St Michael's",
  "St Margaret's",
  "St Stephen's",
  "St Andrew's",
  'Holy Trinity',
];

export const PARKS = [
  'Victoria Park',
  'Jubilee Gardens',
  'Coronation Park',
  'Memorial Gardens',
  'Meadow Park',
  'Riverside Gardens',
  'Elm Park',
  'Albert Gardens',
];

export const ESTATES = [
  'Gladstone Road',
  'Hawthorn Estate',
  'Cedar Court',
  'Chaucer House',
  'Orchard Way',
  'Wellington Street',
  'Falcon Estate',
  'Brunel House',
];

/** A venue's name as a local would say it, from its kind and the place it is in. */
export function venueName(
  kind: VenueKind,
  place: string,
  pick: (names: string[]) => string,
): string {
  switch (kind) {
    case 'community-centre':
      return `${place} Community Centre`;
    case 'library':
      return `${place} Library`;
    case 'church-hall':
      return `${pick(SAINTS)} Church Hall`;
    case 'park-cafe':
      return `${pick(PARKS)} Café`;
    case 'leisure-centre':
      return `${place} Leisure Centre`;
    case 'community-garden':
      return `${place} Community Garden`;
    case 'tenants-hall':
      return `${pick(ESTATES)} Tenants' Hall`;
  }
}
