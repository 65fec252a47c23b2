import { Inject, Injectable, Logger } from '@nestjs/common';
import { Clock, done, JobHandler, JobName, KITH_CONFIG, Mailer, skipped } from '@kith/platform';
import type { JobPayloads, JobResult, KithConfig } from '@kith/platform';
import { deriveSignInCode } from './secrets';
import { SignInCodeRepository } from './sign-in-code.repository';

/**
 * Sends the sign-in code mail, unless the code moved on (used, expired, replaced, sent). The
 * request decided to send it; this job only sends. It records "sending" before handing the mail to
 * SMTP and "sent" after, each committed on its own: a crash between the two shows as a code
 * sending but not sent, and the retry sends again. So the mail goes at least once and, per crash
 * in that window, one more time; never zero times, and never after the code expires (10 minutes).
 * We prefer a rare second copy of a code to a member who never gets one.
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
    if (code.mailSendingAt) {
      this.logger.warn(
        { signInCodeId: code.id },
        'An earlier attempt stopped while sending this code; sending it again',
      );
    }
    await this.codes.markMailSending(code.id, now);
    const digits = deriveSignInCode(this.config.auth.jwtSecret, code.id);
    const minutes = Math.round((code.expiresAt.getTime() - now.getTime()) / 60_000);
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
    await this.codes.markMailSent(code.id, this.clock.now());
    return done;
  }
}
