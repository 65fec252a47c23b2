import { Inject, Injectable } from '@nestjs/common';
import type { OnModuleInit } from '@nestjs/common';
import type { Expo, ExpoPushMessage } from 'expo-server-sdk';
import { KITH_CONFIG } from '@kith/platform';
import type { KithConfig } from '@kith/platform';
import { NudgeChannel } from '../nudge-kinds';
import { NudgeDeliveryRepository } from '../nudge-delivery.repository';
import { PermanentDeliveryError, TransientDeliveryError } from './channel';
import type { ChannelOutcome, NudgeSender, OutgoingNudge } from './channel';
import { expoClient, expoSdk } from './expo-client';

/** An Expo answer that may pass: rate limited, or the service itself in trouble. */
export function expoMayPass(error: unknown): boolean {
  const status = (error as { statusCode?: unknown } | null)?.statusCode;
  return typeof status !== 'number' || status === 429 || status >= 500;
}

/**
 * Push through Expo's push service to every device the member registered. Expo answers each
 * message with a ticket; the receipts job asks about the tickets later. A device Expo says is
 * not registered any more is forgotten at once.
 */
@Injectable()
export class PushSender implements NudgeSender, OnModuleInit {
  readonly channel = NudgeChannel.PUSH;
  private client: Expo | undefined;

  constructor(
    private readonly deliveries: NudgeDeliveryRepository,
    @Inject(KITH_CONFIG) private readonly config: KithConfig,
  ) {}

  /** A client pointed elsewhere than EXPO_URL stops the process at start, not at the first push. */
  onModuleInit(): void {
    this.expo();
  }

  expo(): Expo {
    this.client ??= expoClient(this.config.channels.expoUrl, {
      accessToken: this.config.channels.expoAccessToken,
      // Our own retries, with their own backoff and record, come after this one short retry.
      retryMinTimeout: 200,
    });
    return this.client;
  }

  async send(nudge: OutgoingNudge): Promise<ChannelOutcome> {
    const { Expo: Sdk } = expoSdk(this.config.channels.expoUrl);
    const tokens = (await this.deliveries.deviceTokens(nudge.personId)).filter((token) =>
      Sdk.isExpoPushToken(token),
    );
    if (tokens.length === 0) return { status: 'SUPPRESSED', reason: 'no device registered' };
    const messages: ExpoPushMessage[] = tokens.map((to) => ({
      to,
      title: nudge.title,
      body: nudge.body,
      sound: 'default',
      data: nudge.link
        ? { screen: nudge.link.screen, id: nudge.link.id, nudgeId: nudge.nudgeId }
        : { nudgeId: nudge.nudgeId },
    }));
    let tickets;
    try {
      tickets = await this.expo().sendPushNotificationsAsync(messages);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      if (expoMayPass(error)) throw new TransientDeliveryError(message);
      throw new PermanentDeliveryError(message);
    }
    const sent: { token: string; ticketId: string }[] = [];
    const problems: string[] = [];
    for (const [i, ticket] of tickets.entries()) {
      if (ticket.status === 'ok') sent.push({ token: tokens[i], ticketId: ticket.id });
      else if (ticket.details?.error === 'DeviceNotRegistered') {
        await this.deliveries.forgetDevice(tokens[i]);
        problems.push('a device is no longer registered');
      } else problems.push(ticket.details?.error ?? ticket.message);
    }
    if (sent.length > 0) return { status: 'SENT', tickets: sent };
    // Expo's limit for one device, answered on the ticket: may pass, so tried again later.
    if (problems.some((p) => p === 'MessageRateExceeded'))
      throw new TransientDeliveryError('Expo: too many messages to this device for now');
    if (problems.every((p) => p === 'a device is no longer registered'))
      return { status: 'SUPPRESSED', reason: 'no device is registered any more' };
    throw new PermanentDeliveryError(`Expo refused every message: ${problems.join('; ')}`);
  }
}
