import { createHmac } from 'node:crypto';

/**
 * Opaque, signed pagination cursors: a client cannot forge a position it was not given, and a
 * tampered cursor is told apart from a valid one.
 */
export function encodeCursor(secret: string, position: Record<string, string>): string {
  const body = Buffer.from(JSON.stringify(position)).toString('base64url');
  return `${body}.${sign(secret, body)}`;
}

export function decodeCursor(secret: string, cursor: string): Record<string, string> | undefined {
  const [body, signature, extra] = cursor.split('.');
  if (!body || !signature || extra !== undefined || sign(secret, body) !== signature)
    return undefined;
  try {
    const value: unknown = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
    const entries = Object.entries(value);
    return entries.every(([, v]) => typeof v === 'string')
      ? Object.fromEntries(entries)
      : undefined;
  } catch {
    return undefined;
  }
}

function sign(secret: string, body: string): string {
  return createHmac('sha256', secret).update(`cursor:${body}`).digest('base64url').slice(0, 22);
}
