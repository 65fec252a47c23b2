import { ApolloDriver } from '@nestjs/apollo';
import type { ApolloDriverConfig } from '@nestjs/apollo';
import { Module } from '@nestjs/common';
import type { MiddlewareConsumer, NestModule } from '@nestjs/common';
import type { DynamicModule } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { GraphQLModule } from '@nestjs/graphql';
import type { Response } from 'express';
import { AreasModule } from '@kith/areas';
import { IdentityModule, SignInService } from '@kith/identity';
import {
  IdempotencyModule,
  IdempotencyService,
  JobRelayModule,
  PlatformModule,
} from '@kith/platform';
import type { KithConfig } from '@kith/platform';
import { KITH_SCHEMA } from '@kith/schema';
import { AreasResolver } from './areas/areas.resolver';
import { AuthGuard } from './auth/auth.guard';
import type { RequestWithPrincipal } from './auth/request';
import { CommunityApiModule } from './community/community-api.module';
import { LoaderFactory } from './community/loaders';
import { HelpApiModule } from './help/help-api.module';
import { MatchingApiModule } from './matching/matching-api.module';
import { NetworkApiModule } from './network/network-api.module';
import { ReportingApiModule } from './reporting/reporting-api.module';
import { NudgesApiModule } from './nudges/nudges-api.module';
import { costLimitPlugin } from './graphql/cost-limit.plugin';
import { DateTimeScalar } from './graphql/date-time.scalar';
import { formatGraphQLError } from './graphql/format-error';
import { idempotencyPlugin } from './graphql/idempotency.plugin';
import { PoolShareMiddleware } from './graphql/pool-share.middleware';
import { GraphQLHttpErrorFilter } from './graphql/http-error.filter';
import { depthLimitRule } from './graphql/query-limits';
import { HealthController } from './health/health.controller';
import { AuthResolver } from './identity/auth.resolver';
import { PersonResolver } from './identity/person.resolver';
import { RolesResolver } from './identity/roles.resolver';

@Module({})
export class ApiModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(PoolShareMiddleware).forRoutes('*');
  }

  static forRoot(config: KithConfig): DynamicModule {
    const production = config.isProduction;
    return {
      module: ApiModule,
      imports: [
        PlatformModule.forRoot(config, 'api', KITH_SCHEMA),
        GraphQLModule.forRootAsync<ApolloDriverConfig>({
          driver: ApolloDriver,
          imports: [CommunityApiModule, IdempotencyModule, IdentityModule],
          inject: [LoaderFactory, IdempotencyService, SignInService],
          useFactory: (
            loaders: LoaderFactory,
            idempotency: IdempotencyService,
            signIn: SignInService,
          ) => ({
            path: '/graphql',
            autoSchemaFile: true,
            buildSchemaOptions: { scalarsMap: [{ type: Date, scalar: DateTimeScalar }] },
            sortSchema: true,
            introspection: !production,
            // GraphiQL outside production; Apollo's landing page disabled in production.
            ...(production ? { playground: false } : { graphiql: true }),
            includeStacktraceInErrorResponses: !production,
            // No "Did you mean …?": a stranger learns nothing of the schema from typos.
            hideSchemaDetailsFromClientErrors: production,
            autoTransformHttpErrors: false,
            validationRules: [depthLimitRule(config.graphql.maxDepth)],
            plugins: [
              costLimitPlugin(config.graphql.maxCost),
              idempotencyPlugin(idempotency, signIn),
            ],
            formatError: (formatted, error) => formatGraphQLError(formatted, error, production),
            context: ({ req, res }: { req: RequestWithPrincipal; res: Response }) => ({
              req,
              res,
              loaders: loaders.create(() => req.principal?.personId),
            }),
          }),
        }),
        CommunityApiModule,
        HelpApiModule,
        MatchingApiModule,
        NetworkApiModule,
        ReportingApiModule,
        NudgesApiModule,
        JobRelayModule,
        AreasModule,
        IdentityModule,
      ],
      controllers: [HealthController],
      providers: [
        { provide: APP_GUARD, useClass: AuthGuard },
        { provide: APP_FILTER, useClass: GraphQLHttpErrorFilter },
        AuthResolver,
        PersonResolver,
        RolesResolver,
        AreasResolver,
      ],
    };
  }
}
