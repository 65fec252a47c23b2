import type { FieldMiddleware, NextFn } from '@nestjs/graphql';
import { isNonNullType } from 'graphql';
import { DomainError } from '@kith/platform';
import type { RequestWithPrincipal } from './request';

/** Where a model keeps who may read its self-only fields; a symbol, so never a GraphQL field. */
export const READERS = Symbol('kith:readers');

/**
 * Who may read an object's self-only fields. Always the person it is about (`ownerId`); also
 * `alsoTo`, people the owning service let act on it (the coordinator who approved a helper
 * reads the DBS dates they entered); or, for the answer to a sign-in, whoever receives it,
 * since presenting the code proved they are the owner (`provenBy: 'sign-in'`).
 */
export type Readers =
  | { readonly ownerId: string; readonly alsoTo?: readonly string[] }
  | { readonly ownerId: string; readonly provenBy: 'sign-in' };

export interface Private {
  [READERS]?: Readers;
}

/** Marks a model with who may read its self-only fields; returns the same object. */
export function readableBy<T extends object>(model: T, readers: Readers): T {
  return Object.assign(model, { [READERS]: readers });
}

export function mayRead(readers: Readers | undefined, callerId: string | undefined): boolean {
  if (!readers) return false;
  if ('provenBy' in readers) return true;
  if (callerId === undefined) return false;
  return readers.ownerId === callerId || (readers.alsoTo ?? []).includes(callerId);
}

function passDown(value: unknown, readers: Readers): void {
  for (const item of Array.isArray(value) ? value : [value]) {
    if (typeof item !== 'object' || item === null) continue;
    const own = (item as Private)[READERS];
    if (!own || own.ownerId === readers.ownerId) (item as Private)[READERS] = readers;
  }
}

/**
 * Field middleware for a person's private data (`@Field(..., { middleware: [selfOnly] })`, also
 * on `@ResolveField`): the field resolves only for the readers its parent names (`readableBy`).
 * Anyone else gets null, as API.md describes (email "shown only to the person themself"); a
 * non-null field cannot be null, so it refuses with FORBIDDEN instead. A parent that names no
 * readers is readable by no one: deny by default. The field's resolver is not even called.
 */
export const selfOnly: FieldMiddleware<Private, { req: RequestWithPrincipal }> = async (
  { source, context, info },
  next: NextFn<unknown>,
): Promise<unknown> => {
  const readers = source[READERS];
  if (mayRead(readers, context.req.principal?.personId)) {
    const value = await next();
    // What the sign-in answer holds about its owner (their profile, nested in it) is theirs too:
    // the proof the code gave passes down, to objects about the same person only.
    if (readers && 'provenBy' in readers) passDown(value, readers);
    return value;
  }
  if (isNonNullType(info.returnType)) {
    throw DomainError.forbidden(
      `${info.parentType.name}.${info.fieldName} is shown only to the person themself`,
    );
  }
  return null;
};
