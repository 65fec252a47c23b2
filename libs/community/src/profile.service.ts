import { Inject, Injectable } from '@nestjs/common';
import { PersonService, Role } from '@kith/identity';
import type { Principal } from '@kith/identity';
import { PostcodeService } from '@kith/areas';
import { randomUUID } from 'node:crypto';
import {
  Db,
  DomainError,
  JobName,
  JobOutbox,
  KITH_CONFIG,
  Problems,
  RateLimiter,
} from '@kith/platform';
import type { KithConfig, LatLng } from '@kith/platform';
import { parseAvailability } from './availability';
import type { AvailabilityInput, AvailabilityWindow } from './availability';
import { InterestRepository } from './interest.repository';
import type { InterestRow } from './interest.repository';
import { ProfileRepository } from './profile.repository';
import type { ProfileRow } from './profile.repository';
import { AGE_BANDS, GOALS } from './taxonomy';
import type { AccessibilityFeature } from './taxonomy';

export interface ProfileChanges {
  displayName?: string | null;
  interestIds?: string[] | null;
  /**
   * Which of the member's interests (as they are after this change) people they might meet may
   * see; absent: those kept stay as they were, and new ones are not shown.
   */
  shownInterestIds?: string[] | null;
  /** Places the home by coordinates (operators and tests; the app gives a postcode). */
  home?: LatLng | null;
  /** Places the home at this UK postcode; absent or null: unchanged. */
  postcode?: string | null;
  travelRadiusMetres?: number | null;
  availability?: AvailabilityInput[] | null;
  accessibilityNeeds?: AccessibilityFeature[] | null;
  goals?: string[] | null;
  peerIntroductions?: boolean | null;
  /** Whether contacts both confirmed may see that the member is going to a session. */
  showMeGoing?: boolean | null;
  /** Absent: unchanged; null or only spaces: cleared. */
  phone?: string | null;
  /** Absent: unchanged; null or only spaces: cleared. */
  address?: string | null;
  /** One of AGE_BANDS if the member chooses to say; absent: unchanged; null: cleared. */
  ageBand?: string | null;
}

const PHONE = /^\+?[0-9][0-9 ()-]{5,22}$/;

/**
 * Contact details a member may take back: absent leaves them, null or blank clears them (null),
 * anything else goes through `check`.
 */
function clearable(
  value: string | null | undefined,
  check: (text: string) => string | undefined,
): string | null | undefined {
  if (value === undefined) return undefined;
  if (value === null || value.trim() === '') return null;
  return check(value);
}

const GOAL_SLUGS = new Set(GOALS.map((goal) => goal.slug));
export const MIN_RADIUS = 100;
export const MAX_RADIUS = 50_000;

@Injectable()
export class ProfileService {
  constructor(
    private readonly db: Db,
    private readonly profiles: ProfileRepository,
    private readonly interestRows: InterestRepository,
    private readonly people: PersonService,
    private readonly postcodes: PostcodeService,
    private readonly limiter: RateLimiter,
    private readonly outbox: JobOutbox,
    @Inject(KITH_CONFIG) private readonly config: KithConfig,
  ) {}

  interests(): Promise<InterestRow[]> {
    return this.interestRows.all();
  }

  /**
   * What may read a person's history (their bookings, help, introductions, time credits): the
   * person, or a coordinator of the area they live in. FORBIDDEN for anyone else.
   */
  async assertReadableBy(principal: Principal, personId: string): Promise<void> {
    if (principal.personId === personId) return;
    const areaId = (await this.profiles.byPerson(personId))?.homeAreaId ?? null;
    if (areaId && (await this.people.holdsRoleIn(principal.personId, Role.COORDINATOR, areaId)))
      return;
    throw DomainError.forbidden('Only the person, or a coordinator of their area, may read this');
  }

  profileOf(personId: string): Promise<ProfileRow | undefined> {
    return this.profiles.byPerson(personId);
  }

  /** Whether the member takes introductions and has not left (locked for the caller's transaction). */
  introductionStanding(personId: string): Promise<{ optedIn: boolean; left: boolean }> {
    return this.profiles.introductionStanding(personId);
  }

  availabilityOf(personId: string): Promise<AvailabilityWindow[]> {
    return this.profiles.availability(personId);
  }

  /**
   * Changes what is given and leaves the rest. Every problem is reported at once, and nothing
   * is written unless all of it is valid.
   */
  async update(personId: string, changes: ProfileChanges): Promise<ProfileRow> {
    const problems = new Problems();
    const displayName = problems.text(changes.displayName, 'displayName', 60);
    problems.latLng(changes.home, 'home');
    problems.intRange(changes.travelRadiusMetres, 'travelRadiusMetres', MIN_RADIUS, MAX_RADIUS);
    const interestIds = changes.interestIds ? [...new Set(changes.interestIds)] : undefined;
    if (interestIds) {
      if (problems.check(interestIds.length <= 30, 'interestIds', 'choose at most 30 interests')) {
        const unknown = await this.interestRows.unknownIds(interestIds);
        problems.check(
          unknown.length === 0,
          'interestIds',
          `unknown interest ids: ${unknown.join(', ')}`,
        );
      }
    }
    const shownInterestIds = changes.shownInterestIds
      ? [...new Set(changes.shownInterestIds)]
      : undefined;
    if (
      shownInterestIds &&
      problems.check(shownInterestIds.length <= 30, 'shownInterestIds', 'show at most 30 interests')
    ) {
      const chosen = new Set(interestIds ?? (await this.profiles.interestIdsOf(personId)));
      const notChosen = shownInterestIds.filter((id) => !chosen.has(id));
      problems.check(
        notChosen.length === 0,
        'shownInterestIds',
        `only interests you chose can be shown; not among yours: ${notChosen.join(', ')}`,
      );
    }
    const goals = changes.goals ? [...new Set(changes.goals)] : undefined;
    const unknownGoals = (goals ?? []).filter((goal) => !GOAL_SLUGS.has(goal));
    problems.check(
      unknownGoals.length === 0,
      'goals',
      `unknown goals: ${unknownGoals.join(', ')}; choose from ${[...GOAL_SLUGS].join(', ')}`,
    );
    const phone = clearable(changes.phone, (text) => problems.text(text, 'phone', 30));
    if (typeof phone === 'string')
      problems.check(
        PHONE.test(phone),
        'phone',
        'use digits, spaces and an optional leading +, or null to clear it',
      );
    const address = clearable(changes.address, (text) => problems.text(text, 'address', 300, true));
    if (typeof changes.ageBand === 'string')
      problems.check(
        (AGE_BANDS as readonly string[]).includes(changes.ageBand),
        'ageBand',
        `choose one of ${AGE_BANDS.join(', ')}, or null to clear it`,
      );
    const availability = changes.availability ? parseAvailability(changes.availability) : undefined;
    availability?.problems.forEach((p) => problems.add(p.path, p.message));
    const home = await this.homeFrom(changes, problems);
    problems.throwIfAny('The profile was not saved');
    if (changes.peerIntroductions && (await this.profiles.byPerson(personId))?.leftAt)
      throw DomainError.conflict('You have left Kith, so nobody is introduced to you');

    // Moving one's home and watching distances change is how a home is found: a few a day only.
    const moved = home ? await this.homeMoves(personId, home.at) : undefined;
    try {
      return await this.save(personId, changes, {
        home,
        displayName,
        interestIds,
        shownInterestIds,
        goals,
        phone,
        address,
        availability,
      });
    } catch (error) {
      if (moved) await moved.refund();
      throw error;
    }
  }

  /** Where the home is to be placed, from coordinates or a postcode; problems go to `problems`. */
  private async homeFrom(
    changes: ProfileChanges,
    problems: Problems,
  ): Promise<{ at: LatLng; postcode: string | null } | undefined> {
    if (typeof changes.postcode !== 'string')
      return changes.home ? { at: changes.home, postcode: null } : undefined;
    if (changes.home) {
      problems.add('postcode', 'Give a postcode or a home, not both.');
      return undefined;
    }
    const found = await this.postcodes.locateServed(changes.postcode);
    // Nothing is saved outside every area: a home where no circle runs would find nothing.
    if (!found.ok) {
      problems.add('postcode', found.message);
      return undefined;
    }
    return { at: found.place.location, postcode: found.place.display };
  }

  private async homeMoves(
    personId: string,
    home: LatLng,
  ): Promise<{ refund: () => Promise<void> } | undefined> {
    if (await this.profiles.homeIs(personId, home)) return undefined;
    const perDay = this.config.rateLimits.homeMovesPerDay;
    const verdict = await this.limiter.consume('home-move', personId, perDay, 24 * 3600);
    if (!verdict.allowed) {
      await this.limiter.refund('home-move', personId);
      throw DomainError.rateLimited(
        `Your home can be moved at most ${perDay} times a day`,
        verdict.retryAfterSeconds,
      );
    }
    return { refund: () => this.limiter.refund('home-move', personId).catch(() => undefined) };
  }

  private save(
    personId: string,
    changes: ProfileChanges,
    clean: {
      home: { at: LatLng; postcode: string | null } | undefined;
      displayName: string | undefined;
      interestIds: string[] | undefined;
      shownInterestIds: string[] | undefined;
      goals: string[] | undefined;
      phone: string | null | undefined;
      address: string | null | undefined;
      availability: ReturnType<typeof parseAvailability> | undefined;
    },
  ): Promise<ProfileRow> {
    const {
      home,
      displayName,
      interestIds,
      shownInterestIds,
      goals,
      phone,
      address,
      availability,
    } = clean;
    return this.db.transaction(async () => {
      await this.profiles.ensure(personId);
      if (displayName !== undefined) await this.people.rename(personId, displayName);
      if (home) await this.profiles.setHome(personId, home.at, home.postcode);
      await this.profiles.update(personId, {
        travelRadiusMetres: changes.travelRadiusMetres ?? undefined,
        accessibilityNeeds: changes.accessibilityNeeds
          ? [...new Set(changes.accessibilityNeeds)]
          : undefined,
        goals,
        peerIntroductions: changes.peerIntroductions ?? undefined,
        showMeGoing: changes.showMeGoing ?? undefined,
        phone,
        address,
        ageBand: changes.ageBand,
      });
      if (interestIds) await this.profiles.replaceInterests(personId, interestIds);
      if (shownInterestIds) await this.profiles.showInterests(personId, shownInterestIds);
      if (availability) await this.profiles.replaceAvailability(personId, availability.windows);
      // What the reports count a member by (where they live, what they chose, their age band):
      // the reporting lib works their rows out again, through the outbox.
      // Each change its own job: one that ran before this commits cannot stand in for it.
      if (home || interestIds || changes.ageBand !== undefined)
        await this.outbox.schedule(
          JobName.RollUpMember,
          { personId, moved: Boolean(home) },
          { key: `roll-up-member-${personId}-${randomUUID()}` },
        );
      const saved = await this.profiles.byPerson(personId);
      if (!saved) throw new Error('the profile vanished inside its own transaction');
      return saved;
    });
  }
}
