import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { INTERESTS } from '@kith/community';
import { ACTIVITY_TEMPLATES, VENUE_KINDS } from './demo-catalogue';
import {
  affinity,
  generateActivities,
  generateBookings,
  generateProfiles,
  generateVenues,
  metresBetween,
  shownInterestSlugs,
} from './demo-community';

const NOW = new Date('2026-12-01T12:00:00Z');
const wards = [
  { id: 'w1', name: 'Bankside Wharf', minLng: -0.1, minLat: 51.5, maxLng: -0.08, maxLat: 51.51 },
  { id: 'w2', name: 'Market Cross', minLng: -0.08, minLat: 51.5, maxLng: -0.06, maxLat: 51.51 },
];
const bounds = { id: 'all', minLng: -0.1, minLat: 51.5, maxLng: -0.06, maxLat: 51.51 };

describe('the demo catalogue', () => {
  it('tags activities with interests that exist, and every interest has an activity', () => {
    const slugs = new Set(INTERESTS.map((i) => i.slug));
    const tagged = new Set(ACTIVITY_TEMPLATES.flatMap((t) => t.tags));
    expect([...tagged].filter((slug) => !slugs.has(slug))).toEqual([]);
    expect([...slugs].filter((slug) => !tagged.has(slug))).toEqual([]);
    expect(new Set(ACTIVITY_TEMPLATES.map((t) => t.title)).size).toBe(ACTIVITY_TEMPLATES.length);
  });

  it('can hold something at every kind of venue', () => {
    for (const kind of VENUE_KINDS)
      expect(
        ACTIVITY_TEMPLATES.some(
          (t) => (t.at ?? []).includes(kind) || (!t.at && kind !== 'park-cafe'),
        ),
      ).toBe(true);
  });

  it('names venues as a local would, without doubled words', () => {
    const venues = generateVenues(wards, 14, 1);
    for (const venue of venues) {
      const words = venue.name.split(' ');
      expect(words.some((w, i) => i > 0 && w === words[i - 1])).toBe(false);
      expect(venue.name).toMatch(/^[A-Z][A-Za-z' .é-]+$/);
    }
    expect(venues.map((v) => v.name)).toContain('Bankside Wharf Community Centre');
  });

  it('never reads the scoring weights: the attendance model is its own', () => {
    for (const file of readdirSync(__dirname).filter(
      (f) => f.endsWith('.ts') && !f.endsWith('.spec.ts'),
    ))
      expect(readFileSync(join(__dirname, file), 'utf8')).not.toMatch(
        /MATCH_WEIGHTS|@kith\/matching|from '[^']*weights'/,
      );
  });
});

describe('the attendance model', () => {
  const venues = generateVenues(wards, 6, 2);
  const activities = generateActivities(venues, 2, 3, NOW, 10, 2);
  const profiles = generateProfiles(400, [bounds], 4);
  const bookings = [...generateBookings(activities, venues, profiles, 5, NOW)];

  it('sends people only where they can get to and get in', () => {
    expect(bookings.length).toBeGreaterThan(100);
    for (const b of bookings) {
      const venue = venues[activities[b.activityIndex].venueIndex];
      const profile = profiles[b.memberIndex];
      expect(metresBetween(profile, venue)).toBeLessThanOrEqual(profile.travelRadiusMetres);
      for (const need of profile.accessibilityNeeds) expect(venue.accessibility).toContain(need);
    }
  });

  it('mostly sends people to what they are interested in', () => {
    const sharing = bookings.filter((b) =>
      activities[b.activityIndex].interestSlugs.some((slug) =>
        profiles[b.memberIndex].interestSlugs.includes(slug),
      ),
    ).length;
    expect(sharing / bookings.length).toBeGreaterThan(0.75);
  });

  it('prefers a shared interest, nearness and a free time', () => {
    const venue = venues[0];
    const base = {
      ...profiles[0],
      lat: venue.lat,
      lng: venue.lng,
      travelRadiusMetres: 5000,
      accessibilityNeeds: [],
      interestSlugs: ['choir'],
      availability: [],
    };
    const when = { weekday: 2, minute: 600 };
    const choir = { interestSlugs: ['choir'] };
    const chess = { interestSlugs: ['chess'] };
    expect(affinity(base, choir, venue, when)).toBeGreaterThan(affinity(base, chess, venue, when));
    const farther = { ...base, lat: venue.lat + 0.01 };
    expect(affinity(farther, choir, venue, when)).toBeLessThan(affinity(base, choir, venue, when));
    const free = {
      ...base,
      availability: [
        { weekday: profiles[0].availability[0].weekday, startMinute: 0, endMinute: 1440 },
      ],
    };
    const day = {
      weekday:
        ['MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT', 'SUN'].indexOf(free.availability[0].weekday) + 1,
      minute: 600,
    };
    expect(affinity(free, choir, venue, day)).toBeGreaterThan(affinity(base, choir, venue, day));
    expect(
      affinity(
        { ...base, travelRadiusMetres: 0.5 },
        choir,
        { ...venue, lat: venue.lat + 0.01 },
        when,
      ),
    ).toBe(0);
  });

  it('is the same for the same seed', () => {
    expect([...generateBookings(activities, venues, profiles, 5, NOW)]).toEqual(bookings);
  });
});

describe('what demo members show of their interests', () => {
  it('shows what those wanting introductions like, keeping health to themselves', () => {
    const interestSlugs = ['choir', 'peer-support', 'memory-cafe', 'walking'];
    expect(shownInterestSlugs({ interestSlugs, peerIntroductions: true })).toEqual([
      'choir',
      'walking',
    ]);
    expect(shownInterestSlugs({ interestSlugs, peerIntroductions: false })).toEqual([]);
  });
});
