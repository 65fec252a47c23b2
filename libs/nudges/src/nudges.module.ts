import { Module } from '@nestjs/common';
import { IdentityModule } from '@kith/identity';
import { MatchingModule } from '@kith/matching';
import { JobOutboxModule } from '@kith/platform';
import { NUDGE_SENDERS } from './channels/channel';
import type { NudgeSender } from './channels/channel';
import { EmailSender } from './channels/email.sender';
import { PushSender } from './channels/push.sender';
import { SmsSender } from './channels/sms.sender';
import { NudgeDecisionHandler } from './nudge-decision.handler';
import { NudgeDeliveryHandler } from './nudge-delivery.handler';
import { NudgeDeliveryRepository } from './nudge-delivery.repository';
import { NudgeReleaseHandler, NudgeReleaseTrigger } from './nudge-release.handler';
import { NudgeDispatcher } from './nudge-dispatcher';
import { NudgeHistoryService } from './nudge-history.service';
import { NudgeInboxService } from './nudge-inbox.service';
import { NudgeRepository } from './nudge.repository';
import { NudgeSubjectsRepository } from './nudge-subjects.repository';

/** Nudges: the policy (pure), the inbox, preferences and devices, and the channels out. */
@Module({
  imports: [JobOutboxModule, IdentityModule, MatchingModule],
  providers: [
    NudgeRepository,
    NudgeDeliveryRepository,
    NudgeSubjectsRepository,
    NudgeInboxService,
    NudgeHistoryService,
    NudgeDispatcher,
    NudgeDecisionHandler,
    NudgeDeliveryHandler,
    NudgeReleaseHandler,
    EmailSender,
    PushSender,
    SmsSender,
    {
      provide: NUDGE_SENDERS,
      useFactory: (...senders: NudgeSender[]) => senders,
      inject: [EmailSender, PushSender, SmsSender],
    },
  ],
  exports: [
    NudgeInboxService,
    NudgeHistoryService,
    NudgeDispatcher,
    NudgeDeliveryRepository,
    NudgeRepository,
  ],
})
export class NudgesModule {}

/** What only the worker runs: the look for planned nudges falling due. */
@Module({
  imports: [NudgesModule, JobOutboxModule],
  providers: [NudgeReleaseTrigger],
})
export class NudgesWorkerModule {}
