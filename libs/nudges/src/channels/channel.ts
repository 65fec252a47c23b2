import type { NudgeChannel, NudgeKind } from '../nudge-kinds';

/** What every channel is handed: the nudge as the member's inbox shows it, and where it goes. */
export interface OutgoingNudge {
  nudgeId: string;
  personId: string;
  /** The nudge's kind, or DIGEST for a day's gathered prompts in one message. */
  kind: NudgeKind | 'DIGEST';
  title: string;
  body: string;
  /** The screen it opens, as a URL into the app (email) and as data (push). */
  link: { screen: string; id: string | null; url: string } | null;
  language: string;
  email: string;
  smsNumber: string | null;
}

/** A channel's answer: sent (with push tickets, where there are any), or not sent on purpose. */
export type ChannelOutcome =
  | { status: 'SENT'; tickets?: { token: string; ticketId: string }[] }
  | { status: 'SUPPRESSED'; reason: string };

/**
 * The channel said no in a way that may pass (a busy server, a rate limit, a timeout): the
 * delivery is retried with backoff.
 */
export class TransientDeliveryError extends Error {
  override name = 'TransientDeliveryError';
}

/** The channel said no for good (the address does not exist, the request is malformed). */
export class PermanentDeliveryError extends Error {
  override name = 'PermanentDeliveryError';
}

/** One way out to a member: email, push, SMS. The in-app inbox is the nudge row itself. */
export interface NudgeSender {
  readonly channel: NudgeChannel;
  /** Sends, or says why not; throws Transient/PermanentDeliveryError when the channel refuses. */
  send(nudge: OutgoingNudge): Promise<ChannelOutcome>;
}

export const NUDGE_SENDERS = Symbol('NUDGE_SENDERS');
