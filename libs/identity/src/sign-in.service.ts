import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import {
  Clock,
  Db,
  DomainError,
  JobName,
  JobOutbox,
  KITH_CONFIG,
  RateLimiter,
} from '@kith/platform';
import type { KithConfig } from '@kith/platform';
import { AuthSessionRepository } from './auth-session.repository';
import { PersonRepository } from './person.repository';
import type { PersonRow } from './person.repository';
import { Role } from './role';
import type { Principal } from './role';
import {
  deriveSignInCode,
  displayNameFromEmail,
  hashRefreshToken,
  hashSignInCode,
  newRefreshToken,
  normaliseEmail,
  sameHash,
  successorRefreshToken,
} from './secrets';
import { SignInCodeRepository } from './sign-in-code.repository';
import { TokenService } from './token.service';

export interface SignedIn {
  accessToken: string;
  refreshToken: string;
  person: PersonRow;
}

const CODE = /^\d{6}$/;

interface RateBudget {
  bucket: string;
  subject: string;
  limit: number;
  seconds: number;
  message: string;
}

@Injectable()
export class SignInService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly codes: SignInCodeRepository,
    private readonly people: PersonRepository,
    private readonly sessions: AuthSessionRepository,
    private readonly tokens: TokenService,
    private readonly outbox: JobOutbox,
    private readonly limiter: RateLimiter,
    @Inject(KITH_CONFIG) private readonly config: KithConfig,
  ) {}

  /**
   * Sends a code to any well-formed address: known or not, the answer is the same, because the
   * first sign-in creates the member.
   */
  async requestCode(rawEmail: string, ip: string): Promise<true> {
    const email = this.parseEmail(rawEmail);
    const { signInPerIp, signInPerEmail, signInPerEmailAllAddresses } = this.config.rateLimits;
    const tooMany = 'Too many codes asked for this email; try again later';
    // Per address; per email from that address; per email from anywhere, wider, so a stranger
    // cannot lock a member out of signing in from their own address.
    const budgets: RateBudget[] = [
      {
        bucket: 'signin-ip',
        subject: ip,
        limit: signInPerIp,
        seconds: 3600,
        message: 'Too many sign-in requests from this network; try again later',
      },
      {
        bucket: 'signin-email-ip',
        subject: `${email}\n${ip}`,
        limit: signInPerEmail,
        seconds: 900,
        message: tooMany,
      },
      {
        bucket: 'signin-email',
        subject: email,
        limit: signInPerEmailAllAddresses,
        seconds: 900,
        message: tooMany,
      },
    ];
    const spent: RateBudget[] = [];
    for (const budget of budgets) {
      const verdict = await this.limiter.consume(
        budget.bucket,
        budget.subject,
        budget.limit,
        budget.seconds,
      );
      if (!verdict.allowed) {
        // A refused request does not use up the other budgets.
        await this.refund([...spent, budget]);
        throw DomainError.rateLimited(budget.message, verdict.retryAfterSeconds);
      }
      spent.push(budget);
    }
    const id = randomUUID();
    const secret = this.config.auth.jwtSecret;
    const expiresAt = new Date(
      this.clock.now().getTime() + this.config.auth.signInCodeTtlSeconds * 1000,
    );
    try {
      await this.db.transaction(async () => {
        await this.codes.insert({
          id,
          email,
          codeHash: hashSignInCode(secret, email, deriveSignInCode(secret, id)),
          expiresAt,
        });
        await this.outbox.schedule(JobName.SendSignInCodeMail, { signInCodeId: id }, { key: id });
      });
    } catch (error) {
      // Failed on our side: the member should not lose a try for it.
      await this.refund(spent);
      throw error;
    }
    return true;
  }

  private async refund(budgets: RateBudget[]): Promise<void> {
    for (const budget of budgets) {
      await this.limiter.refund(budget.bucket, budget.subject).catch(() => undefined);
    }
  }

  async signIn(rawEmail: string, rawCode: string): Promise<SignedIn> {
    const email = this.parseEmail(rawEmail);
    const code = rawCode.trim();
    if (!CODE.test(code))
      throw DomainError.badInput([{ path: 'code', message: 'The code is 6 digits' }]);
    const now = this.clock.now();
    const max = this.config.auth.signInCodeMaxAttempts;
    // Counted outside the sign-in transaction, so a wrong guess is counted even though it fails.
    const attempt = await this.codes.takeAttempt(email, now, max);
    if (!attempt) {
      throw DomainError.badInput(
        [
          {
            path: 'code',
            message: 'This code has expired, been used or been tried too often; ask for a new one',
          },
        ],
        'The code cannot be used',
      );
    }
    if (!sameHash(attempt.codeHash, hashSignInCode(this.config.auth.jwtSecret, email, code))) {
      const left = max - attempt.attempts;
      throw DomainError.badInput(
        [
          {
            path: 'code',
            message:
              left > 0
                ? `That code is not right. Check it and type it again, or ask for a new code. ${left === 1 ? '1 try' : `${left} tries`} left.`
                : 'That code is not right, and no tries are left. Ask for a new code.',
          },
        ],
        'The code is not right',
      );
    }
    return this.db.transaction(async () => {
      if (!(await this.codes.consume(attempt.id, now))) {
        throw DomainError.badInput(
          [{ path: 'code', message: 'This code has already been used' }],
          'The code cannot be used',
        );
      }
      const { person, created } = await this.people.findOrCreate(
        email,
        displayNameFromEmail(email),
      );
      if (created) await this.people.grantRole(person.id, Role.MEMBER, null);
      const sessionId = await this.sessions.createSession(person.id);
      return { ...(await this.issueTokens(person.id, sessionId)), person };
    });
  }

  /**
   * Exchanges a refresh token for a new pair. Presented again within the reuse interval (a phone
   * waking up and retrying, several requests at once), it gets the same new pair, as long as that
   * pair is still unused. Presented again later, it was copied: the whole session is revoked, so
   * neither the thief nor the owner can go on without signing in.
   */
  async refresh(refreshToken: string): Promise<SignedIn> {
    const now = this.clock.now();
    const secret = this.config.auth.jwtSecret;
    const successor = successorRefreshToken(secret, refreshToken);
    const outcome = await this.db.transaction(async () => {
      const token = await this.sessions.lockRefreshToken(hashRefreshToken(refreshToken));
      if (!token || token.sessionRevokedAt)
        return { ok: false as const, reason: 'The session has ended; sign in again' };
      const person = await this.people.byId(token.personId);
      if (!person) return { ok: false as const, reason: 'The session has ended; sign in again' };
      const claims = { personId: person.id, sessionId: token.sessionId };
      if (token.usedAt) {
        const withinReuse =
          now.getTime() - token.usedAt.getTime() <= this.config.auth.refreshReuseSeconds * 1000;
        if (withinReuse && (await this.sessions.isUnused(hashRefreshToken(successor)))) {
          const accessToken = this.tokens.issueAccessToken(claims, token.usedAt);
          return { ok: true as const, signedIn: { accessToken, refreshToken: successor, person } };
        }
        await this.endSession(token.sessionId, 'refresh-token-reuse');
        return { ok: false as const, reason: 'This refresh token was already used; sign in again' };
      }
      if (token.expiresAt <= now)
        return { ok: false as const, reason: 'The session has expired; sign in again' };
      await this.sessions.markUsed(token.id, now);
      await this.sessions.addRefreshToken(
        token.sessionId,
        hashRefreshToken(successor),
        this.refreshExpiry(now),
      );
      const accessToken = this.tokens.issueAccessToken(claims, now);
      return { ok: true as const, signedIn: { accessToken, refreshToken: successor, person } };
    });
    // Thrown after the transaction so that a revocation for reuse is kept.
    if (!outcome.ok) throw DomainError.unauthenticated(outcome.reason);
    return outcome.signedIn;
  }

  async signOut(principal: Principal): Promise<true> {
    await this.db.transaction(() => this.endSession(principal.sessionId, 'sign-out'));
    return true;
  }

  /**
   * Revokes the session and publishes that it ended, in the caller's transaction. Identity sits
   * below nudges and names none of its work: the libs above learn of it through the outbox
   * (AuthSessionEnded) and forget what was registered through the session, a push device
   * first, so a shared tablet shows the next person nothing of the last one's.
   */
  private async endSession(sessionId: string, reason: string): Promise<void> {
    if (await this.sessions.revoke(sessionId, reason, this.clock.now()))
      await this.outbox.schedule(JobName.AuthSessionEnded, { sessionId }, { key: sessionId });
  }

  /** The caller behind an access token, re-read so that a revoked session stops at once. */
  principalFor(accessToken: string): Promise<Principal> {
    const claims = this.tokens.verifyAccessToken(accessToken);
    return this.principalOfSession(claims.sessionId, claims.personId);
  }

  /**
   * The person of a session still signed in, as its access tokens would give them: for what a
   * session hands out beyond them (a report link), which ends when it is signed out or revoked.
   */
  async principalOfSession(sessionId: string, personId: string): Promise<Principal> {
    const principal = await this.sessions.livePrincipal(sessionId, personId);
    if (!principal) throw DomainError.unauthenticated('The session has ended; sign in again');
    return principal;
  }

  private async issueTokens(
    personId: string,
    sessionId: string,
  ): Promise<{ accessToken: string; refreshToken: string }> {
    const now = this.clock.now();
    const refreshToken = newRefreshToken();
    await this.sessions.addRefreshToken(
      sessionId,
      hashRefreshToken(refreshToken),
      this.refreshExpiry(now),
    );
    return {
      accessToken: this.tokens.issueAccessToken({ personId, sessionId }, now),
      refreshToken,
    };
  }

  private refreshExpiry(now: Date): Date {
    return new Date(now.getTime() + this.config.auth.refreshTokenTtlSeconds * 1000);
  }

  private parseEmail(raw: string): string {
    const email = normaliseEmail(raw);
    if (!email)
      throw DomainError.badInput([{ path: 'email', message: 'This is not an email address' }]);
    return email;
  }
}
