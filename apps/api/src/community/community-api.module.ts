import { Module } from '@nestjs/common';
import { AreasModule } from '@kith/areas';
import { CommunityModule } from '@kith/community';
import { ActivityResolver } from './activity.resolver';
import { EqualityResolver } from './equality.resolver';
import { LoaderFactory } from './loaders';
import { Pager } from '../graphql/pager';
import { GoalLabelResolver, InterestLabelResolver } from './catalogue-labels.resolver';
import { CatalogueResolver, PersonProfileResolver, ProfileResolver } from './profile.resolver';
import { BookingResolver, SessionResolver } from './session.resolver';

/** The community part of the GraphQL API, and the per-request loaders the context carries. */
@Module({
  imports: [CommunityModule, AreasModule],
  providers: [
    LoaderFactory,
    CatalogueResolver,
    InterestLabelResolver,
    GoalLabelResolver,
    ProfileResolver,
    PersonProfileResolver,
    ActivityResolver,
    SessionResolver,
    BookingResolver,
    EqualityResolver,
    Pager,
  ],
  exports: [LoaderFactory],
})
export class CommunityApiModule {}
