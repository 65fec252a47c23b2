import { Inject, Injectable } from '@nestjs/common';
import { Clock, done, JobHandler, JobName, KITH_CONFIG, Mailer, skipped } from '@kith/platform';
import type { JobPayloads, JobResult, KithConfig } from '@kith/platform';
import { deriveSignInCode } from './secrets';
import { SignInCodeRepository } from './sign-in-code.repository';

/** Sends the sign-in code mail, unless the code moved on (used, expired, replaced, sent). */
@Injectable()
export class SignInCodeMailHandler {
  constructor(
    private readonly codes: SignInCodeRepository,
    private readonly mailer: Mailer,
    private readonly clock: Clock,
    @Inject(KITH_CONFIG) private readonly config: KithConfig,
  ) {}

  @JobHandler(JobName.SendSignInCodeMail)
  async send({ signInCodeId }: JobPayloads[JobName.SendSignInCodeMail]): Promise<JobResult> {
    const code = await this.codes.byId(signInCodeId);
    const now = this.clock.now();
    if (!code) return skipped('the code no longer exists');
    if (code.mailSentAt) return skipped('already sent');
    if (code.consumedAt) return skipped('already used');
    if (code.expiresAt <= now) return skipped('expired before it could be sent');
    if (code.superseded) return skipped('a newer code was asked for');
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
