import { AreaService, PostcodeService } from '@kith/areas';
import { Db } from '@kith/platform';
import { startApi } from '../support/api';
import type { RunningApi } from '../support/api';
import { importShippedAreas, importShippedPostcodes } from '../support/areas';
import { testConfig } from '../support/config';
import { signIn } from '../support/sign-in';
import type { Session } from '../support/sign-in';

const SET_POSTCODE = `mutation Home($input: MemberProfileInput!) {
  updateMemberProfile(input: $input) { hasHome postcode travelRadiusMetres area { code } }
}`;
const MY_HOME = `{ me { memberProfile { hasHome postcode travelRadiusMetres area { code } } } }`;

type Problem = { path: string; message: string };

describe('a home given by postcode', () => {
  let api: RunningApi;
  let db: Db;
  let member: Session;

  beforeAll(async () => {
    api = await startApi(testConfig());
    db = api.app.get(Db);
    await importShippedAreas(api.app.get(AreaService));
    await importShippedPostcodes(api.app.get(PostcodeService));
    member = await signIn(api);
  });

  afterAll(() => api?.close());

  const home = async (who: Session = member) =>
    (await api.gql<{ me: { memberProfile: unknown } }>(MY_HOME, {}, who.accessToken)).data?.me
      .memberProfile;

  it('places the home at the postcode, in its ward, as the member typed it', async () => {
    const result = await api.gql(
      SET_POSTCODE,
      { input: { postcode: ' kx1 1ab ', travelRadiusMetres: 900 } },
      member.accessToken,
    );
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({
      updateMemberProfile: {
        hasHome: true,
        postcode: 'KX1 1AB',
        travelRadiusMetres: 900,
        area: { code: 'K05000001' },
      },
    });
    // The home is the postcode's own point (KX1 1AB: 51.500625, -0.107).
    const [row] = await db.query<{ lat: number; lng: number }>(
      `SELECT ST_Y(home::geometry) AS lat, ST_X(home::geometry) AS lng
         FROM member_profile WHERE person_id = $1`,
      [member.personId],
    );
    expect(row.lat).toBeCloseTo(51.500625, 6);
    expect(row.lng).toBeCloseTo(-0.107, 6);
  });

  async function expectRefused(input: Record<string, unknown>, message: RegExp) {
    const before = await home();
    const result = await api.gql(SET_POSTCODE, { input }, member.accessToken);
    expect(result.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
    const fields = result.errors?.[0].extensions.fields as Problem[];
    expect(fields).toEqual([
      { path: 'postcode', message: expect.stringMatching(message) as unknown },
    ]);
    // Nothing of the input is saved, not even the parts that were fine.
    expect(await home()).toEqual(before);
  }

  it('refuses what is not a postcode, saying what one looks like', async () => {
    await expectRefused({ postcode: 'my house', travelRadiusMetres: 3000 }, /looks like SE1 7PB/);
    await expectRefused({ postcode: 'x'.repeat(5000) }, /looks like SE1 7PB/);
  });

  it('refuses a postcode Kith does not know, or one no longer in use', async () => {
    await expectRefused(
      { postcode: 'KX1 9ZZ', travelRadiusMetres: 3000 },
      /cannot find this postcode/,
    );
    // Terminated in the directory: not imported.
    await expectRefused({ postcode: 'KX1 1FA' }, /cannot find this postcode/);
    // No grid reference in the directory: not imported.
    await expectRefused({ postcode: 'KX9 1AP' }, /cannot find this postcode/);
  });

  it('refuses a postcode outside every area: Kith does not run there yet', async () => {
    await expectRefused(
      { postcode: 'KX9 1AA', travelRadiusMetres: 3000 },
      /^Kith does not run near KX9 1AA yet\.$/,
    );
  });

  it('refuses a postcode and coordinates together', async () => {
    await expectRefused(
      { postcode: 'KX2 1AA', home: { lat: 51.505, lng: -0.08 } },
      /a postcode or a home, not both/,
    );
  });

  it('moves with a new postcode, and a home placed by coordinates has none', async () => {
    const moved = await api.gql(
      SET_POSTCODE,
      { input: { postcode: 'KX5 1AA' } },
      member.accessToken,
    );
    expect(moved.data).toMatchObject({
      updateMemberProfile: { postcode: 'KX5 1AA', area: { code: 'K05000005' } },
    });
    const byPoint = await api.gql(
      SET_POSTCODE,
      { input: { home: { lat: 51.505, lng: -0.08 } } },
      member.accessToken,
    );
    expect(byPoint.data).toMatchObject({
      updateMemberProfile: { postcode: null, area: { code: 'K05000002' } },
    });
  });
});
