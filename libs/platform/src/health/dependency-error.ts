import { DependencyUnavailableError } from '../errors/domain-error';

const PG_CONNECTION_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EAI_AGAIN',
  '57P01', // admin_shutdown
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now
  '08000',
  '08003',
  '08006',
  '08001',
  '08004',
]);

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function codeOf(error: unknown): string | undefined {
  if (typeof error === 'object' && error !== null && 'code' in error) {
    const { code } = error;
    return typeof code === 'string' ? code : undefined;
  }
  return undefined;
}

/** Which backing service an error says is away, if any. */
export function unavailableDependency(error: unknown): 'postgres' | 'redis' | null {
  for (let current: unknown = error, depth = 0; current && depth < 5; depth += 1) {
    if (current instanceof DependencyUnavailableError) return current.dependency;
    const name = current instanceof Error ? current.constructor.name : '';
    const message = messageOf(current);
    if (
      name === 'MaxRetriesPerRequestError' ||
      /Stream isn't writeable|enableOfflineQueue|Connection is closed|Redis connection/i.test(
        message,
      )
    ) {
      return 'redis';
    }
    const code = codeOf(current);
    if (
      (code && PG_CONNECTION_CODES.has(code)) ||
      /Connection terminated|timeout exceeded when trying to connect|terminating connection|Client has encountered a connection error/i.test(
        message,
      )
    ) {
      return 'postgres';
    }
    current = current instanceof Error ? current.cause : undefined;
  }
  return null;
}
