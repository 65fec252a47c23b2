import { GraphQLError, getNullableType, isListType, Kind } from 'graphql';
import type {
  ASTVisitor,
  DocumentNode,
  FragmentDefinitionNode,
  GraphQLSchema,
  SelectionSetNode,
  ValidationContext,
} from 'graphql';
import { fieldExtensionsEstimator, getComplexity } from 'graphql-query-complexity';
import type { ComplexityEstimator } from 'graphql-query-complexity';
import type { ComplexityEstimator as FieldComplexity } from '@nestjs/graphql';

/** A list field without a `first` argument is assumed to return this many items. */
export const ASSUMED_LIST_SIZE = 10;

function isIntrospection(name: string): boolean {
  return name.startsWith('__');
}

function selectionDepth(
  selectionSet: SelectionSetNode | undefined,
  fragments: Record<string, FragmentDefinitionNode>,
  seen: Set<string>,
): number {
  if (!selectionSet) return 0;
  let deepest = 0;
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) {
      if (isIntrospection(selection.name.value)) continue;
      deepest = Math.max(deepest, 1 + selectionDepth(selection.selectionSet, fragments, seen));
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      deepest = Math.max(deepest, selectionDepth(selection.selectionSet, fragments, seen));
    } else {
      const name = selection.name.value;
      const fragment = fragments[name];
      if (!fragment || seen.has(name)) continue; // cycles are reported by the standard rules
      deepest = Math.max(
        deepest,
        selectionDepth(fragment.selectionSet, fragments, new Set(seen).add(name)),
      );
    }
  }
  return deepest;
}

/** Rejects an operation nested deeper than `max` fields, before anything runs. */
export function depthLimitRule(max: number) {
  return (context: ValidationContext): ASTVisitor => {
    const fragments: Record<string, FragmentDefinitionNode> = {};
    for (const definition of context.getDocument().definitions) {
      if (definition.kind === Kind.FRAGMENT_DEFINITION)
        fragments[definition.name.value] = definition;
    }
    return {
      OperationDefinition(operation) {
        const depth = selectionDepth(operation.selectionSet, fragments, new Set());
        if (depth > max) {
          context.reportError(
            new GraphQLError(`The query is ${depth} levels deep; at most ${max} are allowed`, {
              nodes: [operation],
              extensions: {
                code: 'GRAPHQL_VALIDATION_FAILED',
                fields: [{ path: 'query', message: 'too deep' }],
              },
            }),
          );
        }
      },
    };
  };
}

/**
 * What a field that runs a candidate search costs on its own (a spatial read of hundreds of
 * rows, then scoring): GRAPHQL_MAX_COST (5000) admits four of them in one request, so a
 * thousand aliases of one are refused before anything runs.
 */
export const SEARCH_COST = 1000;

/** For a field that runs a candidate search: its own cost, plus what it returns, `first` times. */
export const searchCost: FieldComplexity = ({ args, childComplexity }) =>
  SEARCH_COST + listMultiplier(args.first) * childComplexity;

/** `sessions`: a search when it is asked for sessions near a point, a plain page otherwise. */
export const sessionsCost: FieldComplexity = ({ args, childComplexity }) => {
  const filter = args.filter as { near?: unknown } | undefined;
  return (filter?.near ? SEARCH_COST : 1) + listMultiplier(args.first) * childComplexity;
};

function listMultiplier(first: unknown): number {
  return typeof first === 'number' && Number.isFinite(first)
    ? Math.max(first, 1)
    : ASSUMED_LIST_SIZE;
}

/**
 * One per field; what is under a list counts `first` times (its argument or default), or
 * ASSUMED_LIST_SIZE; a connection's `edges` count once, their page already being `first` long.
 */
const listEstimator: ComplexityEstimator = ({ type, field, args, childComplexity }) => {
  if (typeof args.first === 'number') return 1 + Math.max(args.first, 1) * childComplexity;
  const inConnection =
    type.name.endsWith('Connection') && (field.name === 'edges' || field.name === 'nodes');
  if (isListType(getNullableType(field.type)) && !inConnection) {
    return 1 + ASSUMED_LIST_SIZE * childComplexity;
  }
  return 1 + childComplexity;
};

/**
 * The estimated cost of an operation (graphql-query-complexity): the fields' own costs where
 * they declare one (the searches), one per field otherwise, lists multiplied as above.
 */
export function operationCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | undefined,
  variables: Record<string, unknown>,
): number {
  return getComplexity({
    schema,
    query: document,
    operationName,
    variables,
    estimators: [fieldExtensionsEstimator(), listEstimator],
  });
}
