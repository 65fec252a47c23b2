/** Every weight matching uses, in one place, so tuning is one change and one review. */
export const MATCH_WEIGHTS = {
  session: {
    interest: 0.33,
    distance: 0.2,
    availability: 0.15,
    // Someone you know going is one of the strongest reasons to try a session.
    knownPeople: 0.15,
    goals: 0.12,
    novelty: 0.05,
  },
  /** Re-ranking: how much a repeat of an already-chosen interest group or activity costs. */
  diversity: {
    sameGroupPenalty: 0.15,
    sameActivityPenalty: 0.4,
  },
  /** Each side of a peer match; the two sides are combined by a harmonic mean. */
  peer: {
    interest: 0.5,
    distance: 0.25,
    availability: 0.15,
    goals: 0.1,
  },
  /** Helpers: continuity first (the same trusted helper), then proximity, then fairness. */
  helper: {
    continuity: 0.6,
    proximity: 0.25,
    fairness: 0.15,
    /** Minutes in four weeks after which a helper has given their fair share. */
    fairShareMinutes: 600,
  },
  /** Reasons below this weighted contribution are not worth telling. */
  minimumReasonWeight: 0.01,
  maxReasons: 3,
} as const;

export type SessionWeights = { [K in keyof typeof MATCH_WEIGHTS.session]: number };

/** How many candidates, nearest first, the SQL hands to scoring for each kind of match. */
export const CANDIDATE_LIMITS = { sessions: 200, peers: 200, helpers: 200 } as const;

/** The most suggestions of any kind one request may ask for. */
export const MAX_MATCHES = 50;
