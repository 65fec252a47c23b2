import { AreaService } from '@kith/areas';
import { PersonService, Role } from '@kith/identity';
import { startApi } from '../support/api';
import type { RunningApi } from '../support/api';
import { importShippedAreas } from '../support/areas';
import { testConfig } from '../support/config';
import { signIn, uniqueEmail } from '../support/sign-in';
import type { Session } from '../support/sign-in';

const GRANT = `mutation Grant($email: String!, $role: Role!, $area: String!) {
  grantRole(email: $email, role: $role, areaCode: $area) { role area { code } }
}`;

describe('roles and deny-by-default', () => {
  let api: RunningApi;
  let member: Session;
  let boroughCoordinator: Session;
  let wardCoordinator: Session;

  beforeAll(async () => {
    api = await startApi(testConfig());
    await importShippedAreas(api.app.get(AreaService));
    const people = api.app.get(PersonService);
    member = await signIn(api);
    boroughCoordinator = await signIn(api);
    wardCoordinator = await signIn(api);
    await people.grantRole(boroughCoordinator.email, Role.COORDINATOR, 'K09000001');
    await people.grantRole(wardCoordinator.email, Role.COORDINATOR, 'K05000001');
  });

  afterAll(async () => {
    await api?.close();
  });

  const codeOf = (result: { errors?: { extensions: { code: string } }[] }) =>
    result.errors?.[0].extensions.code;

  it('needs a signed-in caller for everything not public, and none for the catalogues', async () => {
    expect(codeOf(await api.gql(`{ sessions { edges { cursor } } }`))).toBe('UNAUTHENTICATED');
    expect(codeOf(await api.gql(`{ me { id } }`))).toBe('UNAUTHENTICATED');
    const catalogues = await api.gql<{
      areas: unknown[];
      interests: unknown[];
      skills: unknown[];
      goals: unknown[];
    }>(`{ areas { code } interests { slug } skills { slug } goals { slug } }`);
    expect(catalogues.errors).toBeUndefined();
    for (const list of Object.values(catalogues.data!)) expect(list.length).toBeGreaterThan(0);
    expect(
      codeOf(await api.gql(GRANT, { email: uniqueEmail(), role: 'MEMBER', area: 'K05000001' })),
    ).toBe('UNAUTHENTICATED');
  });

  it('refuses a MEMBER calling a COORDINATOR operation, writing nothing', async () => {
    const email = uniqueEmail('hopeful');
    const result = await api.gql(
      GRANT,
      { email, role: 'COORDINATOR', area: 'K05000001' },
      member.accessToken,
    );
    expect(codeOf(result)).toBe('FORBIDDEN');
    expect(result.errors?.[0].message).toBe('This needs the COORDINATOR role');
    expect(await api.app.get(PersonService).grantRole(email, Role.MEMBER)).toMatchObject({
      createdPerson: true,
    });
  });

  it('lets a borough coordinator grant in a ward inside it', async () => {
    const email = uniqueEmail('new-helper');
    const result = await api.gql(
      GRANT,
      { email, role: 'HELPER', area: 'K05000003' },
      boroughCoordinator.accessToken,
    );
    expect(result.data).toEqual({ grantRole: { role: 'HELPER', area: { code: 'K05000003' } } });
  });

  it('refuses a ward coordinator outside their ward, and anyone granting COMMISSIONER', async () => {
    const outside = await api.gql(
      GRANT,
      { email: uniqueEmail(), role: 'HELPER', area: 'K05000002' },
      wardCoordinator.accessToken,
    );
    expect(codeOf(outside)).toBe('FORBIDDEN');
    const inside = await api.gql(
      GRANT,
      { email: uniqueEmail(), role: 'HELPER', area: 'K05000001' },
      wardCoordinator.accessToken,
    );
    expect(inside.data).toBeTruthy();
    const commissioner = await api.gql(
      GRANT,
      { email: uniqueEmail(), role: 'COMMISSIONER', area: 'K05000001' },
      boroughCoordinator.accessToken,
    );
    expect(codeOf(commissioner)).toBe('FORBIDDEN');
  });

  it('says NOT_FOUND for an unknown area and BAD_USER_INPUT for an unknown role', async () => {
    expect(
      codeOf(
        await api.gql(
          GRANT,
          { email: uniqueEmail(), role: 'HELPER', area: 'NOWHERE' },
          boroughCoordinator.accessToken,
        ),
      ),
    ).toBe('NOT_FOUND');
    expect(
      codeOf(
        await api.gql(
          GRANT,
          { email: uniqueEmail(), role: 'KING', area: 'K05000001' },
          boroughCoordinator.accessToken,
        ),
      ),
    ).toBe('BAD_USER_INPUT');
  });

  it('shows a person their roles with areas, and the areas', async () => {
    const me = await api.gql<{ me: { roles: { role: string; area: { code: string } | null }[] } }>(
      `{ me { roles { role area { code name kind } } } }`,
      {},
      wardCoordinator.accessToken,
    );
    expect(me.data?.me.roles).toEqual([
      { role: 'MEMBER', area: null },
      { role: 'COORDINATOR', area: { code: 'K05000001', name: 'Bankside Wharf', kind: 'ward' } },
    ]);
    const areas = await api.gql<{ areas: { code: string }[] }>(
      `{ areas { code name kind } }`,
      {},
      member.accessToken,
    );
    expect(areas.data?.areas.map((a) => a.code)).toEqual(
      expect.arrayContaining(['K09000001', 'K05000008']),
    );
  });
});
