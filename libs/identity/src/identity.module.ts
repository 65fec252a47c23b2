import { Module } from '@nestjs/common';
import { AreasModule } from '@kith/areas';
import { JobOutboxModule } from '@kith/platform';
import { AuthSessionRepository } from './auth-session.repository';
import { PersonRepository } from './person.repository';
import { PersonService } from './person.service';
import { SignInCodeMailHandler } from './sign-in-code.mail-handler';
import { SignInCodeRepository } from './sign-in-code.repository';
import { SignInService } from './sign-in.service';
import { TokenService } from './token.service';

@Module({
  imports: [AreasModule, JobOutboxModule],
  providers: [
    AuthSessionRepository,
    PersonRepository,
    SignInCodeRepository,
    TokenService,
    SignInService,
    PersonService,
    SignInCodeMailHandler,
  ],
  exports: [SignInService, PersonService, TokenService],
})
export class IdentityModule {}
