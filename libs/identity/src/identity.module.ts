import { Module } from '@nestjs/common';
import { AreasModule } from '@kith/areas';
import { JobOutboxModule } from '@kith/platform';
import { AuthSessionRepository } from './auth-session.repository';
import { BlockRepository } from './block.repository';
import { BlockService } from './block.service';
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
    BlockRepository,
    SignInCodeRepository,
    TokenService,
    SignInService,
    PersonService,
    BlockService,
    SignInCodeMailHandler,
  ],
  exports: [SignInService, PersonService, TokenService, BlockService],
})
export class IdentityModule {}
