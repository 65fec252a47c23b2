import { GraphQLInt, GraphQLNonNull, GraphQLObjectType, GraphQLString } from 'graphql';
import type { GraphQLOutputType, GraphQLResolveInfo } from 'graphql';
import type { MiddlewareContext } from '@nestjs/graphql';
import { DomainError, ErrorCode } from '@kith/platform';
import type { RequestWithPrincipal } from './request';
import { mayRead, readableBy, selfOnly } from './self-only';
import type { Private, Readers } from './self-only';

const OWNER = '11111111-1111-4111-8111-111111111111';
const COORDINATOR = '22222222-2222-4222-8222-222222222222';
const STRANGER = '33333333-3333-4333-8333-333333333333';

const parentType = new GraphQLObjectType({ name: 'Person', fields: { x: { type: GraphQLInt } } });

/** Runs the middleware as Nest would for one field, with `callerId` signed in (or no one). */
async function resolve(
  source: Private,
  callerId: string | undefined,
  returnType: GraphQLOutputType = GraphQLString,
): Promise<{ value: unknown; resolverRan: boolean }> {
  let resolverRan = false;
  const req = { principal: callerId ? { personId: callerId } : undefined } as RequestWithPrincipal;
  const ctx = {
    source,
    args: {},
    context: { req },
    info: { returnType, parentType, fieldName: 'email' } as unknown as GraphQLResolveInfo,
  } as MiddlewareContext<Private, { req: RequestWithPrincipal }>;
  const value: unknown = await selfOnly(ctx, () => {
    resolverRan = true;
    return Promise.resolve('secret');
  });
  return { value, resolverRan };
}

const owned = (readers?: Readers): Private => (readers ? readableBy({}, readers) : {});

describe('selfOnly, the field middleware for private data', () => {
  it('resolves the field for the person it is about', async () => {
    expect(await resolve(owned({ ownerId: OWNER }), OWNER)).toEqual({
      value: 'secret',
      resolverRan: true,
    });
  });

  it('gives anyone else null for a nullable field, without running its resolver', async () => {
    expect(await resolve(owned({ ownerId: OWNER }), STRANGER)).toEqual({
      value: null,
      resolverRan: false,
    });
  });

  it('refuses a non-null field with FORBIDDEN, since it cannot be null', async () => {
    const refused = resolve(owned({ ownerId: OWNER }), STRANGER, new GraphQLNonNull(GraphQLString));
    await expect(refused).rejects.toBeInstanceOf(DomainError);
    await expect(refused).rejects.toMatchObject({ code: ErrorCode.FORBIDDEN });
  });

  it('resolves for a reader the owning service named, and only them', async () => {
    const approved = owned({ ownerId: OWNER, alsoTo: [COORDINATOR] });
    expect((await resolve(approved, COORDINATOR)).value).toBe('secret');
    expect((await resolve(approved, STRANGER)).value).toBeNull();
  });

  it('denies by default: a parent naming no readers, or a caller not signed in', async () => {
    expect((await resolve(owned(), OWNER)).value).toBeNull();
    expect((await resolve(owned({ ownerId: OWNER }), undefined)).value).toBeNull();
  });

  it('resolves the answer to a sign-in for its receiver, who proved they are the owner', async () => {
    expect((await resolve(owned({ ownerId: OWNER, provenBy: 'sign-in' }), undefined)).value).toBe(
      'secret',
    );
  });

  it('keeps the readers off the enumerable GraphQL shape (a symbol key)', () => {
    const person = readableBy({ id: OWNER }, { ownerId: OWNER });
    expect(Object.keys(person)).toEqual(['id']);
    expect(JSON.stringify(person)).toBe(JSON.stringify({ id: OWNER }));
    expect(mayRead(undefined, OWNER)).toBe(false);
  });

  it("passes a sign-in's proof down to what the answer holds about the same person only", async () => {
    const mine = owned({ ownerId: OWNER });
    const theirs = owned({ ownerId: STRANGER });
    const req = { principal: undefined } as RequestWithPrincipal;
    const ctx = {
      source: owned({ ownerId: OWNER, provenBy: 'sign-in' }),
      args: {},
      context: { req },
      info: {
        returnType: GraphQLString,
        parentType,
        fieldName: 'memberProfile',
      } as unknown as GraphQLResolveInfo,
    } as MiddlewareContext<Private, { req: RequestWithPrincipal }>;
    await selfOnly(ctx, () => Promise.resolve([mine, theirs]));
    expect(await resolve(mine, undefined)).toEqual({ value: 'secret', resolverRan: true });
    expect(await resolve(theirs, undefined)).toEqual({ value: null, resolverRan: false });
  });
});
