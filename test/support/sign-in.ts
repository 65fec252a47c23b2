import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { deriveSignInCode } from '@kith/identity';
import type { RunningApi } from './api';

export function uniqueEmail(label = 'person'): string {
  return `${label}.${randomBytes(5).toString('hex')}@example.test`;
}

export const SIGN_IN = `mutation SignIn($email: String!, $code: String!) {
  signIn(email: $email, code: $code) { accessToken refreshToken person { id email displayName } }
}`;
export const REQUEST_CODE = `mutation Request($email: String!) { requestSignInCode(email: $email) }`;

/** The code of the newest sign-in code row for an email, as the mail would carry it. */
export async function latestCode(api: RunningApi, email: string): Promise<string> {
  const client = new Client({ connectionString: api.config.database.url });
  await client.connect();
  try {
    const { rows } = await client.query<{ id: string }>(
      'SELECT id FROM sign_in_code WHERE email = $1 ORDER BY created_at DESC LIMIT 1',
      [email.toLowerCase()],
    );
    if (!rows[0]) throw new Error(`no sign-in code for ${email}`);
    return deriveSignInCode(api.config.auth.jwtSecret, rows[0].id);
  } finally {
    await client.end();
  }
}

export interface Session {
  accessToken: string;
  refreshToken: string;
  personId: string;
  email: string;
}

/**
 * Signs in over HTTP. The code is derived from the stored row with the server secret, as the
 * mail job does, so tests that are not about mail need no worker; the SMTP e2e test covers mail.
 */
export async function signIn(api: RunningApi, email = uniqueEmail()): Promise<Session> {
  const requested = await api.gql(REQUEST_CODE, { email });
  if (requested.errors) throw new Error(JSON.stringify(requested.errors));
  const code = await latestCode(api, email);
  const result = await api.gql<{
    signIn: { accessToken: string; refreshToken: string; person: { id: string } };
  }>(SIGN_IN, { email, code });
  if (!result.data) throw new Error(JSON.stringify(result.errors));
  const { accessToken, refreshToken, person } = result.data.signIn;
  return { accessToken, refreshToken, personId: person.id, email };
}
