import { Module } from '@nestjs/common';
import { NudgeInboxService } from './nudge-inbox.service';
import { NudgeRepository } from './nudge.repository';

/** Nudges: the policy (pure), the inbox, preferences and devices. */
@Module({
  providers: [NudgeRepository, NudgeInboxService],
  exports: [NudgeInboxService],
})
export class NudgesModule {}
