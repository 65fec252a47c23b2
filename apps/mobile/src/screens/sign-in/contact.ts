/**
 * What a member signs in with. Only email is sent a code today; the screens and this check are
 * written so a phone number can be accepted once the API sends codes by text message.
 */
export type ContactKind = 'email';

export type ContactCheck =
  { ok: true; kind: ContactKind; value: string } | { ok: false; problem: string };

export function checkContact(raw: string): ContactCheck {
  const value = raw.trim();
  if (value === '') return { ok: false, problem: 'Type your email address first.' };
  if (/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value)) return { ok: true, kind: 'email', value };
  return {
    ok: false,
    problem: 'This does not look like an email address. It should look like name@example.com.',
  };
}
