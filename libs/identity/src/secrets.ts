import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * The 6-digit code for a sign-in code row, derived from its random id with the server secret.
 * The database keeps only a keyed hash, the job payload only the id: the code itself exists
 * only in the mail.
 */
export function deriveSignInCode(secret: string, codeId: string): string {
  const digest = createHmac('sha256', secret).update(`sign-in-code:${codeId}`).digest();
  return String(digest.readUInt32BE(0) % 1_000_000).padStart(6, '0');
}

export function hashSignInCode(secret: string, email: string, code: string): string {
  return createHmac('sha256', secret).update(`sign-in-hash:${email}:${code}`).digest('base64url');
}

export function sameHash(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

export function newRefreshToken(): string {
  return randomBytes(32).toString('base64url');
}

/**
 * The token a refresh token is exchanged for: derived with the server secret, so the exchange
 * retried within the reuse interval hands back the same token, and nobody without the secret
 * can work it out.
 */
export function successorRefreshToken(secret: string, token: string): string {
  return createHmac('sha256', secret).update(`refresh-successor:${token}`).digest('base64url');
}

/** Refresh tokens carry 256 random bits, so a fast unkeyed hash is enough to store them. */
export function hashRefreshToken(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Trimmed and lower-cased, or undefined when it is not an email address. */
export function normaliseEmail(input: string): string | undefined {
  const email = input.trim().toLowerCase();
  return email.length <= 254 && EMAIL.test(email) ? email : undefined;
}

/** A friendly first display name from an email: "aisha.khan@…" gives "Aisha". */
export function displayNameFromEmail(email: string): string {
  const first = email
    .split('@')[0]
    .split(/[._+-]/)[0]
    .replace(/\d+/g, '');
  return first ? first[0].toUpperCase() + first.slice(1) : 'Member';
}
