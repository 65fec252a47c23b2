import { Inject, Injectable, Logger } from '@nestjs/common';
import type { OnApplicationShutdown } from '@nestjs/common';
import { createTransport } from 'nodemailer';
import type { Transporter } from 'nodemailer';
import type { KithConfig } from '../config/config';
import { KITH_CONFIG } from '../config/config.module';

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  /** An HTML alternative to the text, already escaped by whoever built it. */
  html?: string;
  /**
   * A stable Message-ID (`<id@host>`): a mail sent again after a crash carries the same one, so
   * mail clients show it once.
   */
  messageId?: string;
}

/** Mail leaves through MAIL_URL: real SMTP, or the log for development and demos. */
@Injectable()
export class Mailer implements OnApplicationShutdown {
  private readonly logger = new Logger(Mailer.name);
  private readonly transport: Transporter | undefined;

  constructor(@Inject(KITH_CONFIG) private readonly config: KithConfig) {
    const transport = config.mail.transport;
    this.transport =
      transport.kind === 'smtp'
        ? createTransport(transport.url, {
            connectionTimeout: 10_000,
            greetingTimeout: 10_000,
            socketTimeout: 20_000,
          })
        : undefined;
  }

  async send(mail: OutgoingMail): Promise<void> {
    if (!this.transport) {
      this.logger.log({ mail }, `mail to ${mail.to}: ${mail.subject}`);
      return;
    }
    await this.transport.sendMail({ from: this.config.mail.from, ...mail });
  }

  onApplicationShutdown(): void {
    this.transport?.close();
  }
}
