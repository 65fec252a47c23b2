import { Kind } from 'graphql';
import type { FieldNode } from 'graphql';
import type { ComplexityEstimator as FieldComplexity } from '@nestjs/graphql';
import { RISK_REASONS_MAX } from '@kith/network';
import { SEARCH_COST } from '../graphql/query-limits';

/**
 * What `membersAtRisk` costs, honestly: one heavy read (every member living in the area, with
 * their latest snapshots: priced as a candidate search is), then `first` rows held in memory.
 * A row is priced by what it can hold, not by the general guess of ten items a list: a member
 * at risk has at most RISK_REASONS_MAX reasons and, as a coordinator sees them, no shared
 * interests. So `first: 200` (AT_RISK_MAX) with every field costs 1000 + 200 × 16, under the
 * 5000 allowed, and two such lists in one request are refused before anything runs.
 */
export const atRiskCost: FieldComplexity = ({ args, childComplexity }) =>
  SEARCH_COST + (typeof args.first === 'number' ? Math.max(args.first, 1) : 1) * childComplexity;

/** A member's reasons: at most RISK_REASONS_MAX of them, each priced by what is asked of it. */
export const riskReasonsCost: FieldComplexity = ({ childComplexity }) =>
  1 + RISK_REASONS_MAX * childComplexity;

/**
 * The person of a member at risk: a first name and an id, their shared interests always empty
 * (a coordinator shares none with them), so each field asked for (each alias too) costs one and
 * nothing under `sharedInterests` ever runs. Asked through a fragment spread, which cannot be
 * seen from here, it is priced as every other list is.
 */
export const atRiskPersonCost: FieldComplexity = (estimator) => {
  const { node } = estimator as typeof estimator & { node?: FieldNode };
  const selections = node?.selectionSet?.selections ?? [];
  if (selections.some((selection) => selection.kind !== Kind.FIELD))
    return 1 + estimator.childComplexity;
  return 1 + selections.length;
};
