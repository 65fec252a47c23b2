import { Args, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { DevicePlatform, NudgeHistoryService, NudgeInboxService, NudgeKind } from '@kith/nudges';
import { Role } from '@kith/identity';
import type { Principal } from '@kith/identity';
import { CurrentPrincipal, Roles } from '../auth/auth.decorators';
import {
  Nudge,
  NudgeConnection,
  NudgeDelivery,
  NudgePreferences,
  NudgeVariantOutcome,
} from './nudge.model';
import { NudgePreferencesInput } from './nudge.input';
import { toNudge, toPreferences } from './nudges.mappers';

/**
 * A person's own nudges, preferences and devices (every one of those reads or changes the
 * caller's), and what coordinators may see of the nudges in their area.
 */
@Resolver()
export class NudgesResolver {
  constructor(
    private readonly inbox: NudgeInboxService,
    private readonly history: NudgeHistoryService,
  ) {}

  @Roles(Role.COORDINATOR)
  @Query(() => [NudgeDelivery], {
    description: "Coordinator: a member's nudges by channel, newest first (at most 200)",
  })
  async nudgeHistory(
    @CurrentPrincipal() principal: Principal,
    @Args('personId', { type: () => ID }) personId: string,
    @Args('first', { type: () => Int, defaultValue: 50 }) first: number,
  ): Promise<NudgeDelivery[]> {
    const rows = await this.history.history(principal, personId, first);
    return rows.map((row) => ({
      nudge: toNudge({ ...row, id: row.nudgeId, sentAt: row.sentAt ?? row.at }),
      channel: row.channel,
      status: row.status,
      reason: row.reason,
      at: row.at,
    }));
  }

  @Roles(Role.COORDINATOR)
  @Query(() => [NudgeVariantOutcome], {
    description: 'Coordinator: how the wording variants of a kind compare, by who came',
  })
  nudgeVariantReport(
    @CurrentPrincipal() principal: Principal,
    @Args('kind', { type: () => NudgeKind }) kind: NudgeKind,
    @Args('areaId', { type: () => ID }) areaId: string,
  ): Promise<NudgeVariantOutcome[]> {
    return this.history.variantReport(principal, kind, areaId);
  }

  @Query(() => NudgeConnection, { description: 'Your nudges, newest first; at most 100 a page' })
  async myInbox(
    @CurrentPrincipal() principal: Principal,
    @Args('first', { type: () => Int, defaultValue: 20 }) first: number,
    @Args('after', { type: () => String, nullable: true }) after: string | null,
  ): Promise<NudgeConnection> {
    const page = await this.inbox.inbox(principal.personId, first, after);
    return { ...page, edges: page.edges.map((e) => ({ cursor: e.cursor, node: toNudge(e.node) })) };
  }

  @Query(() => NudgePreferences)
  async myNudgePreferences(@CurrentPrincipal() principal: Principal): Promise<NudgePreferences> {
    return toPreferences(await this.inbox.preferences(principal.personId));
  }

  @Mutation(() => Nudge, { description: 'NOT_FOUND unless the nudge is yours' })
  async markNudgeRead(
    @CurrentPrincipal() principal: Principal,
    @Args('id', { type: () => ID }) id: string,
  ): Promise<Nudge> {
    return toNudge(await this.inbox.markRead(principal.personId, id));
  }

  @Mutation(() => Int, { description: 'How many were unread' })
  markAllNudgesRead(@CurrentPrincipal() principal: Principal): Promise<number> {
    return this.inbox.markAllRead(principal.personId);
  }

  @Mutation(() => NudgePreferences)
  async updateNudgePreferences(
    @CurrentPrincipal() principal: Principal,
    @Args('input', { type: () => NudgePreferencesInput }) input: NudgePreferencesInput,
  ): Promise<NudgePreferences> {
    return toPreferences(await this.inbox.updatePreferences(principal.personId, input));
  }

  @Mutation(() => Boolean, {
    description:
      'At most 10 devices; registering again refreshes it. Kept while this sign-in lasts: signing out forgets it. A device someone else had moves to you, and they are told (never by whom)',
  })
  registerDevice(
    @CurrentPrincipal() principal: Principal,
    @Args('token') token: string,
    @Args('platform', { type: () => DevicePlatform }) platform: DevicePlatform,
  ): Promise<boolean> {
    return this.inbox.registerDevice(principal, token, platform);
  }

  @Mutation(() => Boolean, { description: 'False when you had no such device' })
  unregisterDevice(
    @CurrentPrincipal() principal: Principal,
    @Args('token') token: string,
  ): Promise<boolean> {
    return this.inbox.unregisterDevice(principal.personId, token);
  }
}
