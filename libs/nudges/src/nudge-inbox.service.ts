import { Inject, Injectable } from '@nestjs/common';
import {
  Clock,
  Db,
  DomainError,
  isUuid,
  JobName,
  JobOutbox,
  KITH_CONFIG,
  Problems,
  readPageArgs,
  toPage,
} from '@kith/platform';
import type { KithConfig, Page } from '@kith/platform';
import { NudgeRepository } from './nudge.repository';
import type { InboxNudge } from './nudge.repository';
import { applyPreferences, DEFAULT_PREFERENCES } from './nudge-policy';
import type { NudgePreferences, NudgePreferencesInput } from './nudge-policy';
import { DevicePlatform } from './nudges.entities';

export interface InboxPage extends Page<InboxNudge> {
  unreadCount: number;
}

export const MAX_INBOX_PAGE = 100;
/** The most devices one person may register: a household's phones and tablets, not thousands. */
export const MAX_DEVICES = 10;
/** Expo tokens look like ExponentPushToken[…]; web push endpoints are longer, but not this long. */
const TOKEN = /^[\x21-\x7e]{10,300}$/;

/** A member's own inbox, nudge preferences and devices: nobody reads or changes another's. */
@Injectable()
export class NudgeInboxService {
  constructor(
    private readonly nudges: NudgeRepository,
    private readonly db: Db,
    private readonly outbox: JobOutbox,
    private readonly clock: Clock,
    @Inject(KITH_CONFIG) private readonly config: KithConfig,
  ) {}

  async preferences(personId: string): Promise<NudgePreferences> {
    return (await this.nudges.preferences(personId)) ?? DEFAULT_PREFERENCES;
  }

  async updatePreferences(
    personId: string,
    input: NudgePreferencesInput,
  ): Promise<NudgePreferences> {
    const next = applyPreferences(await this.preferences(personId), input, this.clock.now());
    await this.nudges.savePreferences(personId, next);
    return next;
  }

  async inbox(personId: string, first: number, after?: string | null): Promise<InboxPage> {
    const secret = this.config.auth.jwtSecret;
    // A cursor is for its own inbox: one given to someone else is not one we gave this person.
    const scope = `inbox:${personId}`;
    const request = readPageArgs(secret, scope, first, after, MAX_INBOX_PAGE);
    const position =
      request.after?.s && request.after.i
        ? { sentAt: new Date(request.after.s), id: request.after.i }
        : null;
    const rows = await this.nudges.inbox(personId, first + 1, position);
    return {
      ...toPage(secret, scope, request, rows, (node) => ({
        s: node.sentAt.toISOString(),
        i: node.id,
      })),
      unreadCount: await this.nudges.unreadCount(personId),
    };
  }

  /** NOT_FOUND for a nudge that is not the caller's, exactly as for one that does not exist. */
  async markRead(personId: string, id: string): Promise<InboxNudge> {
    const row = isUuid(id) ? await this.nudges.markRead(personId, id, this.clock.now()) : undefined;
    if (!row) throw DomainError.notFound('Nudge');
    return row;
  }

  markAllRead(personId: string): Promise<number> {
    return this.nudges.markAllRead(personId, this.clock.now());
  }

  /**
   * Registers the device for the caller, through the session they are signed in with (its
   * sign-out forgets it). A token someone else had (a shared tablet, a phone handed on) moves to
   * the caller, and its last owner is told that their notifications no longer go there, in
   * words that say nothing of who.
   */
  async registerDevice(
    caller: { personId: string; sessionId: string },
    token: string,
    platform: DevicePlatform,
  ): Promise<true> {
    const problems = new Problems();
    problems.check(TOKEN.test(token), 'token', 'give the token the push service issued');
    problems.check(
      Object.values(DevicePlatform).includes(platform),
      'platform',
      'choose IOS, ANDROID or WEB',
    );
    problems.throwIfAny('The device was not registered');
    const { personId, sessionId } = caller;
    return this.db.transaction(async () => {
      if ((await this.nudges.otherDevicesOf(personId, token)) >= MAX_DEVICES)
        throw DomainError.conflict(
          `At most ${MAX_DEVICES} devices; unregister one you no longer use first`,
        );
      const { previousOwner } = await this.nudges.registerDevice(
        personId,
        sessionId,
        token,
        platform,
      );
      if (previousOwner) {
        const since = this.clock.now().getTime();
        await this.outbox.schedule(
          JobName.DecideNudge,
          { event: 'DEVICE_REASSIGNED', personId: previousOwner, since },
          { key: `device-reassigned-${previousOwner}-${since}` },
        );
      }
      return true as const;
    });
  }

  /** True when the caller's token was removed; false when they had no such token. */
  unregisterDevice(personId: string, token: string): Promise<boolean> {
    return this.nudges.unregisterDevice(personId, token);
  }
}
