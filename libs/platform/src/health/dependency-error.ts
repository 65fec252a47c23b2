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
  '08001',
  '08003',
  '08004',
  '08006',
]);

const PG_MESSAGES =
  /Connection terminated|timeout exceeded when trying to connect|terminating connection|Client has encountered a connection error|Connection is not established/i;
const REDIS_MESSAGES =
  /Stream isn't writeable|enableOfflineQueue|Connection is closed|Reached the max retries/i;

// Read fields without `instanceof`: errors raised inside Node (or another realm) still count.
function field(value: unknown, key: 'message' | 'code' | 'cause'): unknown {
  return typeof value === 'object' && value !== null
    ? (value as Record<string, unknown>)[key]
    : undefined;
}

/** Which backing service an error says is away, if any, following `cause` a few levels. */
export function unavailableDependency(error: unknown): 'postgres' | 'redis' | null {
  let current = error;
  for (let depth = 0; current !== undefined && current !== null && depth < 5; depth += 1) {
    if (current instanceof DependencyUnavailableError) return current.dependency;
    const rawMessage = field(current, 'message');
    const message = typeof rawMessage === 'string' ? rawMessage : '';
    const code = field(current, 'code');
    if (REDIS_MESSAGES.test(message)) return 'redis';
    if ((typeof code === 'string' && PG_CONNECTION_CODES.has(code)) || PG_MESSAGES.test(message))
      return 'postgres';
    current = field(current, 'cause');
  }
  return null;
}

/** Rethrows a connection failure as DependencyUnavailableError naming the service called. */
export function rethrowUnavailable(dependency: 'postgres' | 'redis', error: unknown): never {
  if (unavailableDependency(error) !== null && !(error instanceof DependencyUnavailableError)) {
    throw new DependencyUnavailableError(dependency, error);
  }
  throw error;
}
