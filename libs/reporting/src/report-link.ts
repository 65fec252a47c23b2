import { createHmac, timingSafeEqual } from 'node:crypto';
import { DomainError } from '@kith/platform';

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
  /** What a participation report is grouped by (outcomes: none). */
  groupBy: string[];
}

/** A link works for this long without a header. */
export const REPORT_LINK_MS = 15 * 60_000;

function canonical(r: ReportRequest, expires: number): string {
  return [
    r.kind,
    r.format,
    r.areaId,
    r.from.toISOString(),
    r.to.toISOString(),
    r.by,
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
    ...(r.groupBy.length > 0 ? { groupBy: r.groupBy.join(',') } : {}),
    expires: String(expires),
    sig: sign(canonical(r, expires), secret).toString('base64url'),
  });
  return `/reports/${r.kind}.${r.format}?${query.toString()}`;
}

const ALTERED = () => DomainError.unauthenticated('This report link has expired or was altered');

/**
 * The report a signed link asks for: UNAUTHENTICATED if any part of it was changed, or after
 * its 15 minutes. Compared in constant time.
 */
export function verifyReportLink(
  kind: ReportKind,
  format: ReportFormat,
  query: Record<string, unknown>,
  secret: string,
  now: Date,
): ReportRequest {
  const text = (key: string) => (typeof query[key] === 'string' ? query[key] : '');
  const expires = Number(text('expires'));
  const r: ReportRequest = {
    kind,
    format,
    areaId: text('areaId'),
    from: new Date(text('from')),
    to: new Date(text('to')),
    by: text('by'),
    groupBy: groupingsOf(query.groupBy),
  };
  if (!Number.isInteger(expires) || Number.isNaN(r.from.getTime()) || Number.isNaN(r.to.getTime()))
    throw ALTERED();
  const given = Buffer.from(text('sig'), 'base64url');
  const expected = sign(canonical(r, expires), secret);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw ALTERED();
  if (now.getTime() > expires * 1000) throw ALTERED();
  return r;
}

/** groupBy from a query: "MONTH,WARD", or given more than once; checked by the report. */
export function groupingsOf(value: unknown): string[] {
  const parts = Array.isArray(value) ? value : [value];
  return parts
    .flatMap((v) => (typeof v === 'string' ? v.split(',') : []))
    .map((v) => v.trim())
    .filter((v) => v !== '');
}
