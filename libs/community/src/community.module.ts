import { Module } from '@nestjs/common';
import { AreasModule } from '@kith/areas';
import { IdentityModule } from '@kith/identity';
import { JobOutboxModule } from '@kith/platform';
import { ActivityRepository } from './activity.repository';
import { ActivityService } from './activity.service';
import { BookingRepository } from './booking.repository';
import { BookingService } from './booking.service';
import { InterestCatalogue } from './interest-catalogue.service';
import { InterestRepository } from './interest.repository';
import { ProfileRepository } from './profile.repository';
import { ProfileService } from './profile.service';
import { RecurrenceEngine } from './recurrence-engine';
import { EqualityMonitoringService } from './equality.service';
import { MembershipService } from './membership.service';
import { SessionExpansionHandler } from './session-expansion.handler';
import { SessionRepository } from './session.repository';
import { SessionService } from './session.service';

@Module({
  imports: [AreasModule, IdentityModule, JobOutboxModule],
  providers: [
    InterestRepository,
    InterestCatalogue,
    ProfileRepository,
    ProfileService,
    ActivityRepository,
    ActivityService,
    SessionRepository,
    SessionService,
    BookingRepository,
    BookingService,
    MembershipService,
    EqualityMonitoringService,
    SessionExpansionHandler,
    RecurrenceEngine,
  ],
  exports: [
    InterestCatalogue,
    ProfileService,
    ActivityService,
    SessionService,
    BookingService,
    MembershipService,
    EqualityMonitoringService,
  ],
})
export class CommunityModule {}
