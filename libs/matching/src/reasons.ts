export interface MatchReason {
  code: string;
  text: string;
  weight: number;
}

export function listPhrase(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

/** The strongest reasons first, only those worth telling, rounded for display. */
export function topReasons(reasons: MatchReason[], max: number, minimum: number): MatchReason[] {
  return reasons
    .filter((reason) => reason.weight >= minimum)
    .sort((a, b) => b.weight - a.weight)
    .slice(0, max)
    .map((reason) => ({ ...reason, weight: Math.round(reason.weight * 1000) / 1000 }));
}
