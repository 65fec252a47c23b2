/** Every weight matching uses, in one place, so tuning is one change and one review. */
export const MATCH_WEIGHTS = {
  session: {
    // What the member said they like comes first: within the radius, one shared interest is
    // worth more than the whole distance range, so a nearer session on something else never
    // wins on a few hundred metres.
    interest: 0.42,
    distance: 0.14,
    availability: 0.13,
    // Someone you know going is one of the strongest reasons to try a session.
    knownPeople: 0.13,
    goals: 0.12,
    novelty: 0.06,
  },
  /** How much of the interest part one shared interest earns before rarity adds the rest. */
  sharedInterestFloor: 0.65,
  /**
   * Re-ranking for variety. Each pick costs later sessions of the same activity or interest
   * group a little and each pick off the member's interests costs later ones more, so the list
   * stays mostly on what the member likes; the first session in a group the member has neither
   * chosen nor tried gets a one-off lift, so something new still appears.
   */
  diversity: {
    sameGroupPenalty: 0.03,
    sameActivityPenalty: 0.3,
    offInterestPenalty: 0.12,
    firstNewGroupBonus: 0.08,
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
