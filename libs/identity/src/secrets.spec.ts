import {
  deriveSignInCode,
  displayNameFromEmail,
  hashRefreshToken,
  hashSignInCode,
  newRefreshToken,
  normaliseEmail,
  sameHash,
} from './secrets';

describe('sign-in code secrets', () => {
  it('derives the same 6 digits for the same id and secret, and others otherwise', () => {
    const id = '0b5e2f0e-8d4c-4c1e-9f5e-0d2b7c1a9e11';
    const code = deriveSignInCode('secret-a', id);
    expect(code).toMatch(/^\d{6}$/);
    expect(deriveSignInCode('secret-a', id)).toBe(code);
    const others = new Set(
      Array.from({ length: 50 }, (_, i) => deriveSignInCode('secret-a', `${id}-${i}`)),
    );
    expect(others.size).toBeGreaterThan(45);
    expect(deriveSignInCode('secret-b', id)).not.toBe(code);
  });

  it('hashes codes with the email and secret, and compares in constant time', () => {
    const hash = hashSignInCode('s', 'a@b.org', '123456');
    expect(hash).not.toContain('123456');
    expect(sameHash(hash, hashSignInCode('s', 'a@b.org', '123456'))).toBe(true);
    expect(sameHash(hash, hashSignInCode('s', 'c@b.org', '123456'))).toBe(false);
    expect(sameHash(hash, 'short')).toBe(false);
  });

  it('makes random refresh tokens and stores only their hash', () => {
    const token = newRefreshToken();
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(newRefreshToken()).not.toBe(token);
    expect(hashRefreshToken(token)).not.toBe(token);
    expect(hashRefreshToken(token)).toBe(hashRefreshToken(token));
  });
});

describe('emails', () => {
  it('normalises addresses and refuses what is not one', () => {
    expect(normaliseEmail('  Ada.Lovelace@Example.ORG ')).toBe('ada.lovelace@example.org');
    expect(normaliseEmail('not-an-email')).toBeUndefined();
    expect(normaliseEmail('a b@c.org')).toBeUndefined();
    expect(normaliseEmail(`${'a'.repeat(250)}@c.org`)).toBeUndefined();
  });

  it('makes a first display name from the address', () => {
    expect(displayNameFromEmail('aisha.khan@example.org')).toBe('Aisha');
    expect(displayNameFromEmail('bob_smith99@example.org')).toBe('Bob');
    expect(displayNameFromEmail('1234@example.org')).toBe('Member');
  });
});
