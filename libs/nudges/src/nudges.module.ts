import { Module } from '@nestjs/common';
import { JobOutboxModule } from '@kith/platform';
import { NudgeDecisionHandler } from './nudge-decision.handler';
import { NudgeInboxService } from './nudge-inbox.service';
import { NudgeRepository } from './nudge.repository';

/** Nudges: the policy (pure), the inbox, preferences and devices. */
@Module({
  imports: [JobOutboxModule],
  providers: [NudgeRepository, NudgeInboxService, NudgeDecisionHandler],
  exports: [NudgeInboxService],
})
export class NudgesModule {}
