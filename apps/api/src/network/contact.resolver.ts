import { Args, ID, Int, Mutation, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { firstName } from '@kith/identity';
import type { Principal } from '@kith/identity';
import { AT_RISK_MAX, MyNetworkService, TieService } from '@kith/network';
import type { ContactRow } from '@kith/network';
import { NudgeInboxService } from '@kith/nudges';
import { CurrentPrincipal } from '../auth/auth.decorators';
import { atRiskCost } from './at-risk-cost';
import { Contact, MemberAtRisk, MyNetwork } from './contact.model';
import { PublicPerson } from '../matching/matching.model';

/** A contact as its member sees it: a first name, never where they live. */
export function toContact(row: ContactRow): Contact {
  return {
    person: {
      id: row.personId,
      displayName: firstName(row.displayName),
      distanceBand: null,
      sharedInterests: [],
    },
    sources: row.sources,
    circle: row.circle,
    lastContactAt: row.lastContactAt,
    confirmed: row.confirmed,
  };
}

/** The contacts the caller hid: read only when asked for. */
@Resolver(() => MyNetwork)
export class MyNetworkResolver {
  constructor(private readonly ties: TieService) {}

  @ResolveField(() => [Contact], {
    description: 'The contacts you hid, to show again with unhideContact if you wish',
  })
  async hiddenContacts(@CurrentPrincipal() principal: Principal): Promise<Contact[]> {
    return (await this.ties.hiddenContacts(principal)).map(toContact);
  }
}

/** The caller's own contacts: whom they met, the circles they put them in, whom they hid. */
@Resolver()
export class ContactResolver {
  constructor(
    private readonly ties: TieService,
    private readonly network: MyNetworkService,
    private readonly nudges: NudgeInboxService,
  ) {}

  @Query(() => MyNetwork, {
    description:
      'Your own network: your contacts and their circles, what you have gained, your history',
  })
  async myNetwork(@CurrentPrincipal() principal: Principal): Promise<MyNetwork> {
    const { language } = await this.nudges.preferences(principal.personId);
    const view = await this.network.mine(principal, language === 'es' ? 'es' : 'en');
    return {
      contacts: view.contacts.map(toContact),
      gains: view.gains,
      history: view.history.map((point) => ({ ...point, on: new Date(`${point.on}T00:00:00Z`) })),
    };
  }

  @Query(() => [MemberAtRisk], {
    complexity: atRiskCost,
    description:
      'For a coordinator of the area: members there who seem to be drifting into isolation, with the reasons, so that someone can call; at most 200 at a time',
  })
  async membersAtRisk(
    @CurrentPrincipal() principal: Principal,
    @Args('areaId', { type: () => ID }) areaId: string,
    @Args('first', {
      type: () => Int,
      defaultValue: 50,
      description: `1 to ${AT_RISK_MAX}`,
    })
    first: number,
  ): Promise<MemberAtRisk[]> {
    const rows = await this.network.atRisk(principal, areaId, first);
    return rows.map((row) => ({
      person: {
        id: row.personId,
        displayName: firstName(row.displayName),
        distanceBand: null,
        sharedInterests: [],
      },
      reasons: row.reasons,
      lastAttendedAt: row.lastAttendedAt,
    }));
  }

  @Mutation(() => Contact, {
    description: 'Puts one of your contacts in a circle (1 closest to 3), or in none (null)',
  })
  async setContactCircle(
    @CurrentPrincipal() principal: Principal,
    @Args('personId', { type: () => ID }) personId: string,
    @Args('circle', { type: () => Int, nullable: true }) circle: number | null,
  ): Promise<Contact> {
    return toContact(await this.ties.setCircle(principal, personId, circle ?? null));
  }

  @Mutation(() => Boolean, {
    description:
      'Hides one of your contacts from your own view, and stops them seeing you going anywhere; hiding again changes nothing; unhideContact undoes it',
  })
  hideContact(
    @CurrentPrincipal() principal: Principal,
    @Args('personId', { type: () => ID }) personId: string,
  ): Promise<boolean> {
    return this.ties.hide(principal, personId);
  }

  @Mutation(() => Contact, {
    description:
      'Shows a contact you hid again (see myNetwork.hiddenContacts); one not hidden stays as it is',
  })
  async unhideContact(
    @CurrentPrincipal() principal: Principal,
    @Args('personId', { type: () => ID }) personId: string,
  ): Promise<Contact> {
    return toContact(await this.ties.unhide(principal, personId));
  }

  @Query(() => [PublicPerson], {
    description:
      '"Who did you meet?": the others who came to a session you came to, by first name (never anyone blocked either way); name the ones you met with recordContacts',
  })
  async othersWhoCame(
    @CurrentPrincipal() principal: Principal,
    @Args('sessionId', { type: () => ID }) sessionId: string,
  ): Promise<PublicPerson[]> {
    return (await this.ties.othersWhoCame(principal, sessionId)).map((o) => ({
      id: o.personId,
      displayName: o.displayName,
      distanceBand: null,
      sharedInterests: [],
    }));
  }

  @Mutation(() => Int, {
    description:
      '"Who did you meet?" after a session you came to: the people named must have come too; how many contacts were new',
  })
  recordContacts(
    @CurrentPrincipal() principal: Principal,
    @Args('sessionId', { type: () => ID }) sessionId: string,
    @Args('personIds', { type: () => [ID] }) personIds: string[],
  ): Promise<number> {
    return this.ties.recordContacts(principal, sessionId, personIds);
  }
}
