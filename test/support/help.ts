import { PersonService, Role } from '@kith/identity';
import type { RunningApi } from './api';
import { UPDATE_PROFILE } from './community';
import { signIn } from './sign-in';
import type { Session } from './sign-in';

export const OFFER = `mutation($input: HelperProfileInput!) { updateHelperProfile(input: $input) { approved status skills { slug } travelRadiusMetres } }`;
export const APPROVE = `mutation($p: ID!, $c: DateTime!, $e: DateTime) { approveHelper(personId: $p, dbsCheckedOn: $c, dbsExpiresOn: $e) { approved status dbsExpiresOn } }`;
export const ASK = `mutation($input: HelpRequestInput!) { createHelpRequest(input: $input) { id status skill { slug } } }`;
export const ASSIGN = `mutation($r: ID!, $h: ID!) { assignHelper(requestId: $r, helperId: $h) { id status request { id status } } }`;
export const RESPOND = `mutation($id: ID!, $a: Boolean!) { respondToAssignment(id: $id, accept: $a) { status request { status } } }`;
export const COMPLETE = `mutation($id: ID!, $m: Int!) { completeAssignment(id: $id, minutes: $m) { status minutes request { status } } }`;
export const CREDITS = `{ myTimeCredits { balanceMinutes entries(first: 50) { minutes reason } } }`;
export const GRANT = `mutation($p: ID!, $m: Int!, $r: String!) { grantTimeCredits(personId: $p, minutes: $m, reason: $r) }`;

/** People for help tests: a coordinator of Riverside Central (K09000001) and its skills. */
export class HelpFixtures {
  private constructor(
    private readonly api: RunningApi,
    readonly coordinator: Session,
    readonly skills: Record<string, string>,
  ) {}

  static async create(api: RunningApi): Promise<HelpFixtures> {
    const coordinator = await signIn(api);
    await api.app.get(PersonService).grantRole(coordinator.email, Role.COORDINATOR, 'K09000001');
    const result = await api.gql<{ skills: { id: string; slug: string }[] }>(
      `{ skills { id slug label } }`,
      {},
      coordinator.accessToken,
    );
    const skills = Object.fromEntries(result.data!.skills.map((s) => [s.slug, s.id]));
    return new HelpFixtures(api, coordinator, skills);
  }

  /** A member with a home in the coordinator's area. */
  async member(): Promise<Session> {
    const session = await signIn(this.api);
    await this.api.gql(
      UPDATE_PROFILE,
      { input: { home: { lat: 51.504, lng: -0.099 } } },
      session.accessToken,
    );
    return session;
  }

  /** A helper offering `skill` nearby on Saturdays, approved unless asked otherwise. */
  async helper(approve = true, skill = 'gardening'): Promise<Session> {
    const session = await signIn(this.api);
    const offered = await this.api.gql(
      OFFER,
      {
        input: {
          skillIds: [this.skills[skill]],
          base: { lat: 51.506, lng: -0.1 },
          travelRadiusMetres: 3000,
          availability: [{ weekday: 'SAT', start: '09:00', end: '17:00' }],
        },
      },
      session.accessToken,
    );
    if (!offered.data) throw new Error(JSON.stringify(offered.errors));
    if (approve) {
      const approved = await this.api.gql(
        APPROVE,
        { p: session.personId, c: '2026-01-10T00:00:00Z', e: '2029-01-10T00:00:00Z' },
        this.coordinator.accessToken,
      );
      if (!approved.data) throw new Error(JSON.stringify(approved.errors));
    }
    return session;
  }

  /** The member asks for weeding and picks the helper, who says yes; the assignment's id. */
  async acceptedAssignment(asker: Session, helper: Session): Promise<string> {
    const requestId = await this.askWeeding(asker);
    const assigned = await this.api.gql<{ assignHelper: { id: string } }>(
      ASSIGN,
      { r: requestId, h: helper.personId },
      asker.accessToken,
    );
    const id = assigned.data!.assignHelper.id;
    await this.api.gql(RESPOND, { id, a: true }, helper.accessToken);
    return id;
  }

  /** A member asks for an hour of weeding; returns the request id. */
  async askWeeding(asker: Session, atHome = true): Promise<string> {
    const result = await this.api.gql<{ createHelpRequest: { id: string } }>(
      ASK,
      {
        input: {
          skillId: this.skills.gardening,
          description: 'Weeding',
          durationMinutes: 60,
          atHome,
        },
      },
      asker.accessToken,
    );
    if (!result.data) throw new Error(JSON.stringify(result.errors));
    return result.data.createHelpRequest.id;
  }

  /** An hour of weeding asked for, assigned to `helping` and accepted; returns the assignment id. */
  async accepted(asker: Session, helping: Session, skill = 'gardening'): Promise<string> {
    const request = await this.api.gql<{ createHelpRequest: { id: string } }>(
      ASK,
      {
        input: {
          skillId: this.skills[skill],
          description: 'The front garden needs weeding',
          durationMinutes: 60,
          atHome: true,
        },
      },
      asker.accessToken,
    );
    const assignment = await this.api.gql<{ assignHelper: { id: string } }>(
      ASSIGN,
      { r: request.data!.createHelpRequest.id, h: helping.personId },
      asker.accessToken,
    );
    if (!assignment.data) throw new Error(JSON.stringify(assignment.errors));
    await this.api.gql(
      RESPOND,
      { id: assignment.data.assignHelper.id, a: true },
      helping.accessToken,
    );
    return assignment.data.assignHelper.id;
  }
}
