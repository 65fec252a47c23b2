import { Inject, Injectable, Logger } from '@nestjs/common';
import {
  Clock,
  done,
  errorText,
  JobHandler,
  JobName,
  JobOutbox,
  KITH_CONFIG,
  skipped,
} from '@kith/platform';
import type { JobPayloads, JobResult, KithConfig } from '@kith/platform';
import { NudgeChannel } from './nudge-kinds';
import { nudgeWords } from './nudge-words';
import { isQuiet, nextWallTime } from './nudge-policy';
import { NudgeDeliveryRepository } from './nudge-delivery.repository';
import type { NudgeToDeliver } from './nudge-delivery.repository';
import { DeliveryStatus, NudgeStatus } from './nudges.entities';
import { NUDGE_SENDERS, PermanentDeliveryError } from './channels/channel';
import type { NudgeSender, OutgoingNudge } from './channels/channel';
import { PushSender } from './channels/push.sender';

/**
 * A claim older than this many worker locks is an attempt that died mid-send: BullMQ gives a
 * stalled job to another worker after one lock, and a send takes less than one (the mailer's
 * timeouts are 10 s each; the Expo client retries a few times within seconds).
 */
export const SENDING_STALE_LOCKS = 2;

/** Attempts one delivery gets before it is FAILED for good. */
export const MAX_DELIVERY_ATTEMPTS = 8;
/** The longest wait between two attempts. */
const MAX_BACKOFF_MS = 3600_000;
/** Expo keeps receipts for about a day and has them ready after a few minutes. */
export const RECEIPTS_AFTER_MS = 15 * 60_000;
const RECEIPTS_KEPT_MS = 20 * 3600_000;
/** A token no app has registered again for this long is forgotten. */
export const DEVICE_UNSEEN_DAYS = 30;

/** The wait before attempt `attempt + 1`: the base, doubled each time, at most an hour. */
export function backoffMs(baseMs: number, attempt: number): number {
  return Math.min(baseMs * 2 ** (attempt - 1), MAX_BACKOFF_MS);
}

/**
 * The deliver step: one nudge by one channel. It re-checks that the nudge still stands, claims
 * the delivery (SENDING, committed before anything leaves), sends, and records SENT, SUPPRESSED
 * with the reason, FAILED for good, or QUEUED again with a retry job due after its backoff (a
 * row in Postgres, so a Redis flush loses no retry). Not atomic: the send is to the outside world;
 * the claim is what keeps a second delivery of this job from sending it again.
 */
@Injectable()
export class NudgeDeliveryHandler {
  private readonly logger = new Logger(NudgeDeliveryHandler.name);
  private readonly senders: Map<NudgeChannel, NudgeSender>;

  constructor(
    private readonly deliveries: NudgeDeliveryRepository,
    private readonly outbox: JobOutbox,
    private readonly clock: Clock,
    private readonly push: PushSender,
    @Inject(NUDGE_SENDERS) senders: NudgeSender[],
    @Inject(KITH_CONFIG) private readonly config: KithConfig,
  ) {
    this.senders = new Map(senders.map((sender) => [sender.channel, sender]));
  }

  private get staleMs(): number {
    return SENDING_STALE_LOCKS * this.config.queue.lockMs;
  }

  @JobHandler(JobName.DeliverNudge, { atomic: false })
  async deliver({ nudgeId, channel: name }: JobPayloads[JobName.DeliverNudge]): Promise<JobResult> {
    const channel = NudgeChannel[name];
    const delivery = await this.deliveries.delivery(nudgeId, channel);
    if (!delivery) return skipped('no such delivery');
    if (delivery.status !== DeliveryStatus.QUEUED && delivery.status !== DeliveryStatus.SENDING)
      return skipped(`already ${delivery.status}`);
    const nudge = await this.deliveries.nudge(nudgeId);
    if (!nudge) return skipped('the nudge is gone');
    const now = this.clock.now();
    const gone = this.noLongerStands(nudge, now);
    if (gone) {
      await this.deliveries.suppress(nudgeId, channel, gone, this.staleMs);
      return skipped(gone);
    }
    const sender = this.senders.get(channel);
    if (!sender) {
      await this.deliveries.suppress(nudgeId, channel, `no ${channel} channel here`, 0);
      return skipped(`no ${channel} channel here`);
    }
    const claim = await this.deliveries.claim(nudgeId, channel, this.staleMs);
    if (!claim) {
      // Another attempt is sending it, or died doing so: look again once its claim could be
      // stale (a job row due then, so nothing hangs on BullMQ's short retries).
      const at = new Date(this.clock.now().getTime() + this.staleMs);
      await this.outbox.schedule(
        JobName.DeliverNudge,
        { nudgeId, channel: name, attempt: delivery.attempts + 1 },
        { key: `${nudgeId}-${channel}-wait-${at.getTime()}`, at },
      );
      return skipped('being sent by another attempt; looking again later');
    }
    if (claim.resumed)
      this.logger.warn({ nudgeId, channel }, 'an earlier attempt stopped mid-send; sending again');
    let outcome;
    try {
      outcome = await sender.send(this.outgoing(nudge));
    } catch (error) {
      return this.failed(nudge, channel, claim.attempt, error);
    }
    if (outcome.status === 'SUPPRESSED') {
      await this.deliveries.settle(nudgeId, channel, outcome);
      return skipped(outcome.reason);
    }
    await this.deliveries.settle(nudgeId, channel, {
      status: 'SENT',
      at: this.clock.now(),
      tickets: outcome.tickets,
    });
    return done;
  }

  /** Why the nudge should not go out any more, if so. */
  private noLongerStands(nudge: NudgeToDeliver, now: Date): string | undefined {
    if (nudge.status !== NudgeStatus.SENT) return `the nudge is ${nudge.status}`;
    if (nudge.expiresAt && nudge.expiresAt.getTime() <= now.getTime())
      return 'what it was about has begun or passed';
    return undefined;
  }

  private outgoing(nudge: NudgeToDeliver): OutgoingNudge {
    const { appUrl } = this.config.channels;
    return {
      nudgeId: nudge.nudgeId,
      personId: nudge.personId,
      kind: nudge.kind,
      title: nudge.title,
      body: nudge.body,
      link: nudge.linkScreen
        ? {
            screen: nudge.linkScreen,
            id: nudge.linkId,
            url: `${appUrl}/${nudge.linkScreen.toLowerCase()}${nudge.linkId ? `/${nudge.linkId}` : ''}`,
          }
        : null,
      language: nudge.language,
      email: nudge.email,
      smsNumber: nudge.smsNumber,
    };
  }

  /**
   * A refusal for good is FAILED at once; one that may pass is QUEUED again with a retry job
   * after its backoff, unless attempts ran out or the retry would come after the nudge expires.
   */
  private async failed(
    nudge: NudgeToDeliver,
    channel: NudgeChannel,
    attempt: number,
    error: unknown,
  ): Promise<JobResult> {
    const reason = errorText(error, 500);
    let retryAt = new Date(
      this.clock.now().getTime() + backoffMs(this.config.channels.retryBaseMs, attempt),
    );
    // A retry keeps the member's quiet hours: a message refused at 20:50 does not buzz at 03:00.
    if (isQuiet(retryAt, nudge)) retryAt = nextWallTime(retryAt, nudge.quietEnd);
    const permanent = error instanceof PermanentDeliveryError;
    const outOfTime = nudge.expiresAt !== null && retryAt.getTime() >= nudge.expiresAt.getTime();
    if (permanent || attempt >= MAX_DELIVERY_ATTEMPTS || outOfTime) {
      const why = permanent
        ? reason
        : `${reason} (${outOfTime ? 'no time left to try again' : `${attempt} attempts`})`;
      await this.deliveries.settle(nudge.nudgeId, channel, { status: 'FAILED', reason: why });
      return skipped(`failed: ${why}`);
    }
    await this.deliveries.settle(nudge.nudgeId, channel, { status: 'QUEUED', reason });
    await this.outbox.schedule(
      JobName.DeliverNudge,
      {
        nudgeId: nudge.nudgeId,
        channel: channel as 'EMAIL' | 'PUSH' | 'SMS',
        attempt: attempt + 1,
      },
      { key: `${nudge.nudgeId}-${channel}-${attempt + 1}`, at: retryAt },
    );
    return skipped(`will try again at ${retryAt.toISOString()}: ${reason}`);
  }

  /**
   * Reads the receipts of push tickets sent a while ago: a device Expo says is not registered
   * any more is forgotten, so nothing is sent to it again. Receipts Expo does not have yet are
   * asked again next time, for up to a day.
   */
  @JobHandler(JobName.CheckPushReceipts, { atomic: false })
  async checkReceipts(): Promise<JobResult> {
    const now = this.clock.now();
    const batch = await this.deliveries.pushTicketsToCheck(
      new Date(now.getTime() - RECEIPTS_AFTER_MS),
      1000,
    );
    if (batch.length === 0) return skipped('no receipts to read');
    const expo = this.push.expo();
    const ids = batch.flatMap((row) => row.tickets.map((t) => t.ticketId));
    const receipts: Record<
      string,
      { status: string; details?: { error?: string }; message?: string }
    > = {};
    for (const chunk of expo.chunkPushNotificationReceiptIds(ids))
      Object.assign(receipts, await expo.getPushNotificationReceiptsAsync(chunk));
    const unregistered: string[] = [];
    for (const row of batch) {
      const problems: string[] = [];
      let waiting = false;
      for (const ticket of row.tickets) {
        const receipt = receipts[ticket.ticketId];
        if (!receipt) waiting = true;
        else if (receipt.status === 'error') {
          if (receipt.details?.error === 'DeviceNotRegistered') unregistered.push(ticket.token);
          problems.push(receipt.details?.error ?? receipt.message ?? 'error');
        }
      }
      if (waiting && now.getTime() - row.sentAt.getTime() < RECEIPTS_KEPT_MS) continue;
      await this.deliveries.receiptsChecked(
        row.nudgeId,
        now,
        problems.length > 0 ? `push receipts: ${problems.join(', ')}` : null,
      );
    }
    const forgotten = await this.deliveries.forgetDevices(unregistered);
    if (forgotten > 0) this.logger.log({ forgotten }, 'forgot devices Expo no longer knows');
    return done;
  }

  /**
   * The member's daily digest: every prompt gathered into the inbox in the last day and not yet
   * sent by email or push, in one message per channel. Each gathered nudge gets its delivery
   * record (claimed SENDING before the send, then SENT, FAILED, or QUEUED for the retry), so a
   * digest retried after a crash carries what the first did not get out, and nothing twice.
   */
  @JobHandler(JobName.SendDigest, { atomic: false })
  async digest({ personId, day }: JobPayloads[JobName.SendDigest]): Promise<JobResult> {
    const recipient = await this.deliveries.recipient(personId);
    if (!recipient) return skipped('no such person');
    const since = new Date(this.clock.now().getTime() - 24 * 3600_000);
    const senders = (recipient.channels ?? [NudgeChannel.EMAIL, NudgeChannel.PUSH]).flatMap(
      (name) => this.senders.get(name as NudgeChannel) ?? [],
    );
    let sentAny = false;
    let retry: { reason: string; attempts: number } | undefined;
    for (const sender of senders) {
      const { channel } = sender;
      const claimed = await this.deliveries.claimDigest(personId, channel, since, this.staleMs);
      if (claimed.length === 0) continue;
      const ids = claimed.map((n) => n.nudgeId);
      const words = nudgeWords('DIGEST', recipient.language, {});
      const digestId = `digest-${personId}-${ids[0]}`;
      try {
        const outcome = await sender.send({
          nudgeId: digestId,
          personId,
          kind: 'DIGEST',
          title: words.title,
          body: [words.body, ...claimed.map((n) => `- ${n.title}: ${n.body}`)].join('\n'),
          link: { screen: 'INBOX', id: null, url: `${this.config.channels.appUrl}/inbox` },
          language: recipient.language,
          email: recipient.email,
          smsNumber: recipient.smsNumber,
        });
        await this.deliveries.settleDigest(
          ids,
          channel,
          outcome.status === 'SENT' ? { status: 'SENT', at: this.clock.now() } : outcome,
        );
        sentAny ||= outcome.status === 'SENT';
      } catch (error) {
        const reason = errorText(error, 500);
        const attempts = Math.max(...claimed.map((n) => n.attempts));
        const permanent = error instanceof PermanentDeliveryError;
        const givenUp = permanent || attempts >= MAX_DELIVERY_ATTEMPTS;
        await this.deliveries.settleDigest(ids, channel, {
          status: givenUp ? 'FAILED' : 'QUEUED',
          reason,
        });
        if (!givenUp) retry = { reason, attempts };
      }
    }
    // What may pass is tried again after its backoff, as a job row (a Redis flush loses none of
    // it); what was sent stays sent and is not claimed again.
    if (retry) {
      const at = new Date(
        this.clock.now().getTime() + backoffMs(this.config.channels.retryBaseMs, retry.attempts),
      );
      await this.outbox.schedule(
        JobName.SendDigest,
        { personId, day },
        { key: `${personId}-${day}-retry-${at.getTime()}`, at },
      );
      return skipped(`will try again at ${at.toISOString()}: ${retry.reason}`);
    }
    return sentAny ? done : skipped('nothing gathered to send');
  }

  /**
   * A signed-in session ended (identity's fact): the devices registered through it are
   * forgotten, so the next person to sign in on a shared tablet is not shown this one's nudges.
   */
  @JobHandler(JobName.AuthSessionEnded, { atomic: true })
  async forgetSessionDevices({
    sessionId,
  }: JobPayloads[JobName.AuthSessionEnded]): Promise<JobResult> {
    const forgotten = await this.deliveries.forgetSessionDevices(sessionId);
    return forgotten > 0 ? done : skipped('no device was registered through the session');
  }

  @JobHandler(JobName.PruneDevices, { atomic: false })
  async pruneDevices(): Promise<JobResult> {
    const before = new Date(this.clock.now().getTime() - DEVICE_UNSEEN_DAYS * 24 * 3600_000);
    const pruned = await this.deliveries.pruneDevices(before);
    return pruned > 0 ? done : skipped('no device unseen for 30 days');
  }
}
