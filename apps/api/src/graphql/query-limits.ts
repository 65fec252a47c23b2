import {
  GraphQLError,
  getNamedType,
  getNullableType,
  isListType,
  isObjectType,
  isInterfaceType,
  Kind,
  OperationTypeNode,
} from 'graphql';
import type {
  ASTVisitor,
  DocumentNode,
  FragmentDefinitionNode,
  GraphQLField,
  GraphQLNamedType,
  GraphQLSchema,
  SelectionSetNode,
  ValidationContext,
  ValueNode,
} from 'graphql';

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

function intValue(
  node: ValueNode | undefined,
  variables: Record<string, unknown>,
): number | undefined {
  if (!node) return undefined;
  if (node.kind === Kind.INT) return Number(node.value);
  if (node.kind === Kind.VARIABLE) {
    const value = variables[node.name.value];
    return typeof value === 'number' ? value : undefined;
  }
  return undefined;
}

/**
 * The estimated cost of an operation: one per field, with the fields under a list multiplied
 * by its `first` argument (or its default, or ASSUMED_LIST_SIZE).
 */
export function operationCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | undefined,
  variables: Record<string, unknown>,
): number {
  const fragments: Record<string, FragmentDefinitionNode> = {};
  const operations = [];
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments[definition.name.value] = definition;
    if (definition.kind === Kind.OPERATION_DEFINITION) operations.push(definition);
  }
  const operation = operations.find((op) => !operationName || op.name?.value === operationName);
  if (!operation) return 0;
  const root =
    operation.operation === OperationTypeNode.MUTATION
      ? schema.getMutationType()
      : operation.operation === OperationTypeNode.SUBSCRIPTION
        ? schema.getSubscriptionType()
        : schema.getQueryType();

  // `paged`: the parent took `first`, so its connection's `edges`/`nodes` list is that long already.
  const costOf = (
    selectionSet: SelectionSetNode | undefined,
    type: GraphQLNamedType | null | undefined,
    seen: Set<string>,
    paged = false,
  ): number => {
    if (!selectionSet || !type) return 0;
    let total = 0;
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) {
        if (isIntrospection(selection.name.value)) continue;
        const field: GraphQLField<unknown, unknown> | undefined =
          isObjectType(type) || isInterfaceType(type)
            ? type.getFields()[selection.name.value]
            : undefined;
        if (!field) continue;
        const firstArg = selection.arguments?.find((arg) => arg.name.value === 'first');
        const firstDefault = field.args.find((arg) => arg.name === 'first')?.defaultValue;
        const isList = isListType(getNullableType(field.type));
        const first =
          intValue(firstArg?.value, variables) ??
          (typeof firstDefault === 'number' ? firstDefault : undefined);
        const connectionList = paged && (field.name === 'edges' || field.name === 'nodes');
        const multiplier = first ?? (isList && !connectionList ? ASSUMED_LIST_SIZE : 1);
        total +=
          1 +
          Math.max(multiplier, 1) *
            costOf(selection.selectionSet, getNamedType(field.type), seen, first !== undefined);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const inner = selection.typeCondition
          ? schema.getType(selection.typeCondition.name.value)
          : type;
        total += costOf(selection.selectionSet, inner, seen, paged);
      } else {
        const name = selection.name.value;
        const fragment = fragments[name];
        if (!fragment || seen.has(name)) continue;
        total += costOf(
          fragment.selectionSet,
          schema.getType(fragment.typeCondition.name.value),
          new Set(seen).add(name),
          paged,
        );
      }
    }
    return total;
  };
  return costOf(operation.selectionSet, root, new Set());
}
