/**
 * What a member signs in with. Only email is sent a code today; the screens and this check are
 * written so a phone number can be accepted once the API sends codes by text message.
 */
export type ContactKind = 'email';

/** Why what was typed cannot be used, for the screen to say in the member's language. */
export type ContactProblem = 'EMPTY' | 'NOT_EMAIL';

export type ContactCheck =
  { ok: true; kind: ContactKind; value: string } | { ok: false; problem: ContactProblem };

export function checkContact(raw: string): ContactCheck {
  const value = raw.trim();
  if (value === '') return { ok: false, problem: 'EMPTY' };
  if (/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value)) return { ok: true, kind: 'email', value };
  return { ok: false, problem: 'NOT_EMAIL' };
}
