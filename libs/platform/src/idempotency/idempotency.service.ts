import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DomainError } from '../errors/domain-error';
import { IdempotencyRepository } from './idempotency.repository';

/** How long the first answer to a key is kept and replayed. */
export const IDEMPOTENCY_TTL_HOURS = 24;
/** A key still in progress after this long was abandoned (the process died): the same request may take it. */
const ABANDONED_SECONDS = 120;
const KEY = /^[\x21-\x7e]{1,255}$/;

export type IdempotencyOutcome =
  { kind: 'run' } | { kind: 'replay'; statusCode: number; response: Record<string, unknown> };

export interface IdempotentRequest {
  query: string | undefined;
  variables: unknown;
  operationName: string | undefined;
}

/**
 * Retries are safe (the IETF Idempotency-Key draft): the same key from the same caller with the
 * same request gets the first answer for 24 hours; with another request, CONFLICT; while the
 * first is still running, CONFLICT too.
 */
@Injectable()
export class IdempotencyService {
  constructor(private readonly keys: IdempotencyRepository) {}

  async begin(
    callerId: string,
    key: string,
    request: IdempotentRequest,
  ): Promise<IdempotencyOutcome> {
    if (!KEY.test(key)) {
      throw DomainError.badInput(
        [{ path: 'Idempotency-Key', message: 'must be 1 to 255 visible ASCII characters' }],
        'The Idempotency-Key header is not valid',
      );
    }
    const hash = requestHash(request);
    if (await this.keys.claim(callerId, key, hash, IDEMPOTENCY_TTL_HOURS, ABANDONED_SECONDS)) {
      return { kind: 'run' };
    }
    const stored = await this.keys.find(callerId, key);
    // Gone between the two statements (pruned, or released by a failed first try): run it.
    if (!stored)
      return (await this.keys.claim(callerId, key, hash, IDEMPOTENCY_TTL_HOURS, ABANDONED_SECONDS))
        ? { kind: 'run' }
        : this.inProgress();
    if (stored.requestHash !== hash) {
      throw DomainError.conflict(
        'This Idempotency-Key was used with another request; use a new key',
      );
    }
    if (!stored.completedAt || stored.statusCode === null || stored.response === null)
      return this.inProgress();
    return { kind: 'replay', statusCode: stored.statusCode, response: stored.response };
  }

  /** Keeps the answer to replay. */
  finish(callerId: string, key: string, statusCode: number, response: object): Promise<void> {
    return this.keys.complete(callerId, key, statusCode, response);
  }

  /** The request failed on our side: a retry with the key should run it again. */
  abandon(callerId: string, key: string): Promise<void> {
    return this.keys.release(callerId, key);
  }

  private inProgress(): never {
    throw DomainError.conflict(
      'A request with this Idempotency-Key is still in progress; retry in a moment',
    );
  }
}

export function requestHash(request: IdempotentRequest): string {
  return createHash('sha256')
    .update(
      JSON.stringify({
        query: request.query ?? null,
        variables: request.variables ?? null,
        operationName: request.operationName ?? null,
      }),
    )
    .digest('hex');
}
