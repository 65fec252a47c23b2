import { buildSchema, parse, specifiedRules, validate } from 'graphql';
import { ASSUMED_LIST_SIZE, depthLimitRule, operationCost } from './query-limits';

const schema = buildSchema(`
  type Query { me: Person!, people(first: Int = 20): [Person!]!, tags: [String!]!, page(first: Int = 20): PageConnection! }
  type PageConnection { edges: [Edge!]!, total: Int! }
  type Edge { cursor: String!, node: Person! }
  type Person { id: ID!, name: String!, friends(first: Int): [Person!]!, best: Person }
`);

function depthErrors(query: string, max: number): string[] {
  return validate(schema, parse(query), [...specifiedRules, depthLimitRule(max)]).map(
    (e) => e.message,
  );
}

describe('depthLimitRule', () => {
  it('allows queries up to the limit and rejects deeper ones', () => {
    expect(depthErrors('{ me { best { best { id } } } }', 4)).toEqual([]);
    expect(depthErrors('{ me { best { best { best { id } } } } }', 4)).toEqual([
      'The query is 5 levels deep; at most 4 are allowed',
    ]);
  });

  it('counts through fragments and inline fragments', () => {
    const query = `
      query { me { ...Deep } }
      fragment Deep on Person { best { ... on Person { best { best { id } } } } }`;
    expect(depthErrors(query, 4)).toEqual(['The query is 5 levels deep; at most 4 are allowed']);
    expect(depthErrors(query, 5)).toEqual([]);
  });

  it('ignores introspection, which has its own deep shape', () => {
    expect(
      depthErrors('{ __schema { types { fields { type { ofType { ofType { name } } } } } } }', 2),
    ).toEqual([]);
  });
});

describe('operationCost', () => {
  const cost = (query: string, variables: Record<string, unknown> = {}, name?: string) =>
    operationCost(schema, parse(query), name, variables);

  it('counts one per field', () => {
    expect(cost('{ me { id name } }')).toBe(3);
  });

  it('multiplies what is under a list by first, its default, or the assumed size', () => {
    expect(cost('{ people(first: 5) { id } }')).toBe(1 + 5 * 1);
    expect(cost('{ people { id } }')).toBe(1 + 20 * 1);
    expect(cost('query($n: Int) { people(first: $n) { id } }', { n: 50 })).toBe(1 + 50);
    expect(cost('{ me { friends { id } } }')).toBe(1 + (1 + ASSUMED_LIST_SIZE));
    expect(cost('{ people(first: 10) { friends(first: 10) { id } } }')).toBe(1 + 10 * (1 + 10));
  });

  it("counts a connection's edges once, by its first", () => {
    expect(cost('{ page(first: 50) { edges { node { id } } total } }')).toBe(
      1 + 50 * (1 + (1 + 1) + 1),
    );
    expect(cost('{ page { edges { cursor } } }')).toBe(1 + 20 * (1 + 1));
  });

  it('adds up aliases, fragments and the chosen operation only', () => {
    expect(cost('{ a: me { id } b: me { id } }')).toBe(4);
    expect(
      cost('query A { me { ...F } } query B { tags } fragment F on Person { id name }', {}, 'A'),
    ).toBe(3);
    expect(cost('query A { me { id } } query B { tags }', {}, 'B')).toBe(1);
  });
});
