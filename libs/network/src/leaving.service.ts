import { Injectable } from '@nestjs/common';
import { MembershipService } from '@kith/community';
import type { Principal } from '@kith/identity';
import { Db } from '@kith/platform';
import { IntroductionService } from './introduction.service';

/**
 * A member leaving Kith, as one transaction: what community does (places ahead given up, out of
 * introductions, no more nudges or suggestions) and every introduction pending to or from them
 * withdrawn, so nobody can accept one afterwards and make a tie with someone who has gone.
 */
@Injectable()
export class LeavingService {
  constructor(
    private readonly db: Db,
    private readonly membership: MembershipService,
    private readonly introductions: IntroductionService,
  ) {}

  leave(principal: Principal): Promise<Date> {
    return this.db.transaction(async () => {
      const leftAt = await this.membership.leave(principal);
      await this.introductions.withdrawAllOf(principal.personId);
      return leftAt;
    });
  }
}
