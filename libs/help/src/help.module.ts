import { Module } from '@nestjs/common';
import { AreasModule } from '@kith/areas';
import { JobOutboxModule } from '@kith/platform';
import { IdentityModule } from '@kith/identity';
import { NetworkModule } from '@kith/network';
import { AuditLog } from './audit.repository';
import { HelpRepository } from './help.repository';
import { HelpRequestService } from './help-request.service';
import { HelperService } from './helper.service';
import { Ledger } from './ledger';
import { LedgerRepository } from './ledger.repository';
import { TimeCreditService } from './time-credit.service';

@Module({
  imports: [AreasModule, IdentityModule, NetworkModule, JobOutboxModule],
  providers: [
    AuditLog,
    HelpRepository,
    LedgerRepository,
    Ledger,
    HelperService,
    HelpRequestService,
    TimeCreditService,
  ],
  exports: [HelperService, HelpRequestService, TimeCreditService],
})
export class HelpModule {}
