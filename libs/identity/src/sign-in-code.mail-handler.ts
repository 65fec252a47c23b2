import { Inject, Injectable, Logger } from '@nestjs/common';
import { Clock, done, JobHandler, JobName, KITH_CONFIG, Mailer, skipped } from '@kith/platform';
import type { JobPayloads, JobResult, KithConfig } from '@kith/platform';
import { deriveSignInCode } from './secrets';
import { SignInCodeRepository } from './sign-in-code.repository';

/** Sends that may have reached the member without our knowing: never more than this many. */
export const MAX_UNCONFIRMED_SENDS = 2;

/**
 * Whether SMTP said no for certain (a reply code, a refused connection or recipient): the mail
 * did not go, so the attempt does not count against MAX_UNCONFIRMED_SENDS. A timeout or a dropped
 * connection may come after the server took the mail, so those count.
 */
export function refusedForCertain(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { responseCode, code } = error as { responseCode?: unknown; code?: unknown };
  return (
    (typeof responseCode === 'number' && responseCode >= 400) ||
    code === 'ECONNECTION' ||
    code === 'EENVELOPE'
  );
}

/**
 * Sends the sign-in code mail, unless the code moved on (used, expired, replaced, sent). The
 * request decided to send it; this job only sends. Before handing the mail to SMTP it claims a
 * send ("sending", and one more unconfirmed send, committed); after, it records "sent". A crash
 * between the two shows as sending but not sent, and the retry sends again, once: the mail goes
 * at least once and at most twice, also when two deliveries of the job run at once, and never
 * after the code expires (10 minutes). We prefer a rare second copy of a code to a member who
 * never gets one; after two unconfirmed sends a member who got none asks for a new code.
 */
@Injectable()
export class SignInCodeMailHandler {
  private readonly logger = new Logger(SignInCodeMailHandler.name);

  constructor(
    private readonly codes: SignInCodeRepository,
    private readonly mailer: Mailer,
    private readonly clock: Clock,
    @Inject(KITH_CONFIG) private readonly config: KithConfig,
  ) {}

  @JobHandler(JobName.SendSignInCodeMail, { atomic: false })
  async send({ signInCodeId }: JobPayloads[JobName.SendSignInCodeMail]): Promise<JobResult> {
    const code = await this.codes.byId(signInCodeId);
    const now = this.clock.now();
    if (!code) return skipped('the code no longer exists');
    if (code.mailSentAt) return skipped('already sent');
    if (code.consumedAt) return skipped('already used');
    if (code.expiresAt <= now) return skipped('expired before it could be sent');
    if (code.superseded) return skipped('a newer code was asked for');
    const sends = await this.codes.claimSend(code.id, now, MAX_UNCONFIRMED_SENDS);
    if (sends === undefined) {
      return skipped(`sent ${MAX_UNCONFIRMED_SENDS} times without confirmation; no third copy`);
    }
    if (sends > 1) {
      this.logger.warn(
        { signInCodeId: code.id },
        'An earlier attempt stopped while sending this code; sending it again',
      );
    }
    const digits = deriveSignInCode(this.config.auth.jwtSecret, code.id);
    const minutes = Math.round((code.expiresAt.getTime() - now.getTime()) / 60_000);
    try {
      await this.mailer.send({
        to: code.email,
        subject: `Your Kith sign-in code: ${digits}`,
        text: [
          'Hello,',
          '',
          `Your code to sign in to Kith is ${digits}.`,
          `It works once, for the next ${minutes} minutes.`,
          '',
          'If you did not ask for it, you can ignore this message.',
        ].join('\n'),
      });
    } catch (error) {
      if (refusedForCertain(error)) await this.codes.releaseSend(code.id);
      throw error;
    }
    await this.codes.markMailSent(code.id, this.clock.now());
    return done;
  }
}
