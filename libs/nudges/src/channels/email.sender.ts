import { Inject, Injectable } from '@nestjs/common';
import { KITH_CONFIG, Mailer } from '@kith/platform';
import type { KithConfig } from '@kith/platform';
import { NudgeChannel } from '../nudge-kinds';
import { emailFor } from './email-template';
import { PermanentDeliveryError, TransientDeliveryError } from './channel';
import type { ChannelOutcome, NudgeSender, OutgoingNudge } from './channel';

/**
 * Whether SMTP refused for good: a 5xx reply (no such mailbox, refused as policy). 4xx replies,
 * refused connections and timeouts may pass, so they are retried.
 */
export function smtpRefusedForGood(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { responseCode } = error as { responseCode?: unknown };
  return typeof responseCode === 'number' && responseCode >= 500;
}

/** Email through MAIL_URL: the same words as the inbox, as plain text and HTML. */
@Injectable()
export class EmailSender implements NudgeSender {
  readonly channel = NudgeChannel.EMAIL;

  constructor(
    private readonly mailer: Mailer,
    @Inject(KITH_CONFIG) private readonly config: KithConfig,
  ) {}

  async send(nudge: OutgoingNudge): Promise<ChannelOutcome> {
    const host = /@([^>\s]+)/.exec(this.config.mail.from)?.[1] ?? 'kith.local';
    const mail = emailFor(nudge, this.config.channels.appUrl);
    try {
      await this.mailer.send({
        to: nudge.email,
        ...mail,
        // The same id for every attempt: a copy sent again after a crash mid-send shows once.
        messageId: `<nudge-${nudge.nudgeId}@${host}>`,
      });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      if (smtpRefusedForGood(error)) throw new PermanentDeliveryError(message);
      throw new TransientDeliveryError(message);
    }
    return { status: 'SENT' };
  }
}
