import { createHmac, timingSafeEqual } from 'node:crypto';
import {
  DomainError,
  ISO_DATE_TIME_RULE,
  isUuid,
  parseIsoDateTime,
  Problems,
  SECRET_QUERY_PARAMETERS,
} from '@kith/platform';

export const REPORT_KINDS = ['participation', 'outcomes'] as const;
export const REPORT_FORMATS = ['csv', 'html'] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** What a report link gives: the report, and who asked for it (their scope is checked again). */
export interface ReportRequest {
  kind: ReportKind;
  format: ReportFormat;
  areaId: string;
  from: Date;
  to: Date;
  /** The person the link was made for. */
  by: string;
  /** The signed-in session that made it: once that session ends, so does the link. */
  session: string;
  /** What a participation report is grouped by (outcomes: none). */
  groupBy: string[];
}

/** The parts of a signed link beyond the report it asks for, checked for their shape only. */
export interface LinkSignature {
  by: string;
  session: string;
  expires: number;
  sig: Buffer;
}

/** A /reports request with every part checked for its shape: nothing in it can fail later. */
export interface ReportQuery {
  kind: ReportKind;
  format: ReportFormat;
  areaId: string;
  from: Date;
  to: Date;
  /** As given (null: not given; a participation report read with a header is then by month). */
  groupBy: string[] | null;
  /** The signed link's own parts, when the request carries them. */
  link: LinkSignature | null;
}

/** A link works for this long without a header. */
export const REPORT_LINK_MS = 15 * 60_000;

/**
 * The parameters only a signed link carries. Whoever holds them holds the link: they are the
 * names the logs redact from every URL they write.
 */
export const LINK_PARAMETERS = SECRET_QUERY_PARAMETERS;
const REPORT_PARAMETERS = ['areaId', 'from', 'to', 'groupBy', ...LINK_PARAMETERS];
/** An HMAC-SHA256 in base64url, unpadded. */
const SIGNATURE = /^[A-Za-z0-9_-]{43}$/;
const EXPIRES = /^\d{1,12}$/;

function canonical(r: ReportRequest, expires: number): string {
  return [
    r.kind,
    r.format,
    r.areaId,
    r.from.toISOString(),
    r.to.toISOString(),
    r.by,
    r.session,
    r.groupBy.join(','),
    expires,
  ].join('\n');
}

function sign(text: string, secret: string): Buffer {
  return createHmac('sha256', createHmac('sha256', secret).update('kith report links').digest())
    .update(text)
    .digest();
}

/** The path and query of a signed link to a report, good until `now` + 15 minutes. */
export function signReportLink(r: ReportRequest, secret: string, now: Date): string {
  const expires = Math.floor((now.getTime() + REPORT_LINK_MS) / 1000);
  const query = new URLSearchParams({
    areaId: r.areaId,
    from: r.from.toISOString(),
    to: r.to.toISOString(),
    by: r.by,
    sid: r.session,
    ...(r.groupBy.length > 0 ? { groupBy: r.groupBy.join(',') } : {}),
    expires: String(expires),
    sig: sign(canonical(r, expires), secret).toString('base64url'),
  });
  return `/reports/${r.kind}.${r.format}?${query.toString()}`;
}

/** Whether `kind` and `format` name a report we make, each one that does not added to `problems`. */
export function checkKindAndFormat(
  kind: string,
  format: string,
  problems: Problems,
): { kind: ReportKind; format: ReportFormat } {
  problems.check(
    (REPORT_KINDS as readonly string[]).includes(kind),
    'kind',
    `one of ${REPORT_KINDS.join(', ')}`,
  );
  problems.check(
    (REPORT_FORMATS as readonly string[]).includes(format),
    'format',
    `one of ${REPORT_FORMATS.join(', ')}`,
  );
  return { kind: kind as ReportKind, format: format as ReportFormat };
}

/**
 * Every part of a request to `/reports/<file>` checked before anything else runs: BAD_USER_INPUT
 * naming each part that is missing, empty, given twice, of the wrong shape or unknown. Whether
 * a well-formed signature is right, or the caller may read the area, is for later (401, 403).
 */
export function parseReportQuery(file: string, query: Record<string, unknown>): ReportQuery {
  const problems = new Problems();
  const [kind, format, ...rest] = file.split('.');
  if (format === undefined || rest.length > 0)
    problems.add('file', 'give the report as <kind>.<format>, e.g. participation.csv');
  else checkKindAndFormat(kind, format, problems);
  for (const key of Object.keys(query))
    if (!REPORT_PARAMETERS.includes(key))
      // Named, but never echoed at any length.
      problems.add(key.slice(0, 40), 'not a parameter of a report');
  const one = (key: string, required: boolean): string | undefined => {
    const value = query[key];
    if (value === undefined) {
      if (required) problems.add(key, 'is required');
      return undefined;
    }
    if (typeof value !== 'string') problems.add(key, 'give it once');
    else if (value.trim() === '') problems.add(key, 'must not be empty');
    else return value;
    return undefined;
  };
  const areaId = one('areaId', true);
  if (areaId !== undefined) problems.check(isUuid(areaId), 'areaId', 'must be an area id');
  const date = (key: 'from' | 'to') => {
    const text = one(key, true);
    const value = text === undefined ? undefined : parseIsoDateTime(text);
    if (text !== undefined && !value) problems.add(key, ISO_DATE_TIME_RULE);
    return value;
  };
  const from = date('from');
  const to = date('to');
  const groupBy = groupingsOf(query.groupBy, problems);
  if (groupBy && kind === 'outcomes') problems.add('groupBy', 'an outcomes report has no grouping');
  const link = signatureOf(query, one, problems);
  // Each part missing has its problem: the checks below only tell the compiler so.
  if (problems.list.length > 0 || areaId === undefined || !from || !to)
    throw DomainError.badInput(problems.list, 'The report request is not valid');
  return {
    kind: kind as ReportKind,
    format: format as ReportFormat,
    areaId,
    from,
    to,
    groupBy,
    link,
  };
}

/** The signed link's parts, all or none; each of its own shape (a wrong signature is for later). */
function signatureOf(
  query: Record<string, unknown>,
  one: (key: string, required: boolean) => string | undefined,
  problems: Problems,
): LinkSignature | null {
  if (!LINK_PARAMETERS.some((key) => key in query)) return null;
  const by = one('by', true);
  const session = one('sid', true);
  const expires = one('expires', true);
  const sig = one('sig', true);
  if (by !== undefined) problems.check(isUuid(by), 'by', 'is not part of a link we made');
  if (session !== undefined)
    problems.check(isUuid(session), 'sid', 'is not part of a link we made');
  if (expires !== undefined)
    problems.check(EXPIRES.test(expires), 'expires', 'is not part of a link we made');
  if (sig !== undefined)
    problems.check(SIGNATURE.test(sig), 'sig', 'is not part of a link we made');
  if (by === undefined || session === undefined || expires === undefined || sig === undefined)
    return null;
  return { by, session, expires: Number(expires), sig: Buffer.from(sig, 'base64url') };
}

/**
 * groupBy from a query: "MONTH,WARD", or given more than once (a list); null when not given.
 * Its values are checked by the report.
 */
function groupingsOf(value: unknown, problems: Problems): string[] | null {
  if (value === undefined) return null;
  const parts = Array.isArray(value) ? (value as unknown[]) : [value];
  const split = parts
    .flatMap((v) => (typeof v === 'string' ? v.split(',') : ['']))
    .map((v) => v.trim());
  if (split.some((v) => v === '')) problems.add('groupBy', 'must not be empty');
  // Named once however many are sent (a query may carry a thousand), never one problem each.
  else if (split.length > 2) problems.add('groupBy', 'at most two groupings at once');
  return split;
}

const ALTERED = () => DomainError.unauthenticated('This report link has expired or was altered');

/**
 * The report a signed link asks for: UNAUTHENTICATED if any part of it was changed, or after its
 * 15 minutes. Compared in constant time. Whether the session that made it is still signed in is
 * the caller's to check (`session`).
 */
export function verifyReportLink(
  query: ReportQuery,
  link: LinkSignature,
  secret: string,
  now: Date,
): ReportRequest {
  const r: ReportRequest = {
    kind: query.kind,
    format: query.format,
    areaId: query.areaId,
    from: query.from,
    to: query.to,
    by: link.by,
    session: link.session,
    groupBy: query.groupBy ?? [],
  };
  const expected = sign(canonical(r, link.expires), secret);
  if (link.sig.length !== expected.length || !timingSafeEqual(link.sig, expected)) throw ALTERED();
  if (now.getTime() > link.expires * 1000) throw ALTERED();
  return r;
}
