import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { SignInService } from '@kith/identity';
import type { Principal } from '@kith/identity';
import { ClientIp, CurrentPrincipal, Public } from '../auth/auth.decorators';
import { AuthPayload } from './person.model';
import { toPerson } from './person.mapper';
import type { Readers } from '../auth/self-only';

/** No bearer header yet: the code or refresh token just presented proves the owner asked. */
const signedIn = (ownerId: string): Readers => ({ ownerId, provenBy: 'sign-in' });

@Resolver()
export class AuthResolver {
  constructor(private readonly auth: SignInService) {}

  @Public()
  @Mutation(() => Boolean, {
    description: 'Mails a 6-digit code; true whether or not the email is known',
  })
  requestSignInCode(@Args('email') email: string, @ClientIp() ip: string): Promise<boolean> {
    return this.auth.requestCode(email, ip);
  }

  @Public()
  @Mutation(() => AuthPayload, { description: 'The first sign-in creates a MEMBER' })
  async signIn(@Args('email') email: string, @Args('code') code: string): Promise<AuthPayload> {
    const result = await this.auth.signIn(email, code);
    return { ...result, person: toPerson(result.person, signedIn(result.person.id)) };
  }

  @Public()
  @Mutation(() => AuthPayload)
  async refreshSession(@Args('refreshToken') refreshToken: string): Promise<AuthPayload> {
    const result = await this.auth.refresh(refreshToken);
    return { ...result, person: toPerson(result.person, signedIn(result.person.id)) };
  }

  @Mutation(() => Boolean, {
    description: 'Ends this device session; its tokens stop working at once',
  })
  signOut(@CurrentPrincipal() principal: Principal): Promise<boolean> {
    return this.auth.signOut(principal);
  }
}
