import { GraphQLSchemaHost } from '@nestjs/graphql';
import fc from 'fast-check';
import {
  getNamedType,
  isEnumType,
  isInputObjectType,
  isLeafType,
  isListType,
  isNonNullType,
  isScalarType,
} from 'graphql';
import type { GraphQLField, GraphQLInputType } from 'graphql';
import { AreaService } from '@kith/areas';
import { PersonService, Role } from '@kith/identity';
import { startApi } from '../support/api';
import type { RunningApi } from '../support/api';
import { importShippedAreas } from '../support/areas';
import { UPDATE_PROFILE } from '../support/community';
import { testConfig } from '../support/config';
import { signIn } from '../support/sign-in';
import type { Session } from '../support/sign-in';

/** Mutations left out: signing out would end the session the others run under. */
const LEFT_OUT = new Set(['signOut']);
const RUNS = Number(process.env.FUZZ_RUNS ?? 25);

const nasty = [
  '',
  ' ',
  '\u0000',
  'Mar\u0000garet',
  '\u202Eevil',
  '\u200B\u200B',
  'a'.repeat(5000),
  '😀',
  "'; DROP TABLE person; --",
  'FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30',
  'FREQ=WEEKLY;BYDAY=XX',
  '10:00',
  '25:99',
  'x@example.org',
  '00000000-0000-0000-0000-000000000000',
  '-1',
  'null',
];

function value(type: GraphQLInputType, ids: string[], depth = 0): fc.Arbitrary<unknown> {
  if (isNonNullType(type)) return value(type.ofType, ids, depth);
  const nullable = (arb: fc.Arbitrary<unknown>) =>
    fc.oneof({ weight: 9, arbitrary: arb }, { weight: 1, arbitrary: fc.constant(null) });
  if (isListType(type)) {
    return nullable(fc.array(value(type.ofType, ids, depth + 1), { maxLength: depth > 1 ? 2 : 6 }));
  }
  if (isEnumType(type)) return nullable(fc.constantFrom(...type.getValues().map((v) => v.name)));
  if (isInputObjectType(type)) {
    const fields = Object.values(type.getFields());
    return nullable(
      fc.record(
        Object.fromEntries(fields.map((field) => [field.name, value(field.type, ids, depth + 1)])),
        { requiredKeys: fields.filter((f) => isNonNullType(f.type)).map((f) => f.name) },
      ),
    );
  }
  if (isScalarType(type)) {
    switch (type.name) {
      case 'Int':
        return nullable(
          fc.oneof(
            fc.integer(),
            fc.constantFrom(0, -1, 1, 60, 1440, 2_147_483_647, -2_147_483_648),
          ),
        );
      case 'Float':
        return nullable(
          fc.oneof(
            fc.double({ noNaN: true, noDefaultInfinity: true }),
            fc.constantFrom(0, 51.505, -0.1, 91, -181, 1e308),
          ),
        );
      case 'Boolean':
        return nullable(fc.boolean());
      case 'ID':
        return nullable(
          fc.oneof(fc.constantFrom(...ids), fc.uuid(), fc.string(), fc.constantFrom(...nasty)),
        );
      case 'DateTime':
        return nullable(
          fc.oneof(
            fc
              .date({
                min: new Date('1900-01-01'),
                max: new Date('2100-01-01'),
                noInvalidDate: true,
              })
              .map((d) => d.toISOString()),
            fc.constantFrom('not a date', '2026-13-45T00:00:00Z', ''),
          ),
        );
      default:
        return nullable(
          fc.oneof(fc.string({ unit: 'binary', maxLength: 60 }), fc.constantFrom(...nasty)),
        );
    }
  }
  return fc.constant(null);
}

function operation(field: GraphQLField<unknown, unknown>): string {
  const variables = field.args.map((arg) => `$${arg.name}: ${String(arg.type)}`).join(', ');
  const args = field.args.map((arg) => `${arg.name}: $${arg.name}`).join(', ');
  const selection = isLeafType(getNamedType(field.type)) ? '' : ' { __typename }';
  return `mutation Fuzz${variables ? `(${variables})` : ''} { ${field.name}${args ? `(${args})` : ''}${selection} }`;
}

describe('every mutation, fed strange strings and numbers', () => {
  let api: RunningApi;
  let member: Session;
  let coordinator: Session;
  let ids: string[];

  beforeAll(async () => {
    api = await startApi(
      testConfig({ RATE_LIMIT_SIGNIN_PER_IP: '1000000', RATE_LIMIT_SIGNIN_PER_EMAIL: '1000000' }),
    );
    await importShippedAreas(api.app.get(AreaService));
    member = await signIn(api);
    coordinator = await signIn(api);
    await api.app.get(PersonService).grantRole(coordinator.email, Role.COORDINATOR, 'K09000001');
    for (const session of [member, coordinator]) {
      await api.gql(
        UPDATE_PROFILE,
        { input: { home: { lat: 51.504, lng: -0.099 }, peerIntroductions: true } },
        session.accessToken,
      );
    }
    ids = [member.personId, coordinator.personId];
  });

  afterAll(() => api?.close());

  it('never answers INTERNAL_SERVER_ERROR', async () => {
    const mutations = Object.values(
      api.app.get(GraphQLSchemaHost).schema.getMutationType()!.getFields(),
    ).filter((field) => !LEFT_OUT.has(field.name));
    expect(mutations.length).toBeGreaterThan(20);
    const failures: string[] = [];
    for (const field of mutations) {
      const query = operation(field);
      const variables = fc.record(
        Object.fromEntries(field.args.map((arg) => [arg.name, value(arg.type, ids)])),
      );
      const run = fc.assert(
        fc.asyncProperty(variables, fc.boolean(), async (vars, asCoordinator) => {
          const session = asCoordinator ? coordinator : member;
          const result = await api.gql(query, vars, session.accessToken);
          const internal = result.errors?.filter(
            (e) => e.extensions.code === 'INTERNAL_SERVER_ERROR',
          );
          if (internal?.length) {
            throw new Error(`${field.name} answered ${JSON.stringify(internal)}`);
          }
        }),
        { numRuns: RUNS },
      );
      await run.catch((error: unknown) => {
        // The counterexample, and the error the server gave for it.
        const lines = String(error instanceof Error ? error.message : error).split('\n');
        failures.push(
          [...lines.slice(0, 3), ...lines.filter((line) => line.includes(' answered '))].join(' '),
        );
      });
    }
    expect(failures).toEqual([]);
  }, 180_000);
});
