import { Inject, Injectable } from '@nestjs/common';
import { KITH_CONFIG } from '@kith/platform';
import type { KithConfig } from '@kith/platform';
import { NudgeChannel } from '../nudge-kinds';
import { PermanentDeliveryError, TransientDeliveryError } from './channel';
import type { ChannelOutcome, NudgeSender, OutgoingNudge } from './channel';

/** SMS through an HTTP gateway (SMS_URL, POST { to, body }); off unless one is configured. */
@Injectable()
export class SmsSender implements NudgeSender {
  readonly channel = NudgeChannel.SMS;

  constructor(@Inject(KITH_CONFIG) private readonly config: KithConfig) {}

  async send(nudge: OutgoingNudge): Promise<ChannelOutcome> {
    const url = this.config.channels.smsUrl;
    if (!url) return { status: 'SUPPRESSED', reason: 'SMS is not configured' };
    if (!nudge.smsNumber) return { status: 'SUPPRESSED', reason: 'no number for SMS' };
    let response: Response;
    try {
      response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'idempotency-key': nudge.nudgeId },
        body: JSON.stringify({ to: nudge.smsNumber, body: `${nudge.title}: ${nudge.body}` }),
        signal: AbortSignal.timeout(10_000),
      });
    } catch (error) {
      throw new TransientDeliveryError(error instanceof Error ? error.message : String(error));
    }
    if (response.ok) return { status: 'SENT' };
    const text = `the SMS gateway answered ${response.status}`;
    if (response.status === 429 || response.status >= 500) throw new TransientDeliveryError(text);
    throw new PermanentDeliveryError(text);
  }
}
