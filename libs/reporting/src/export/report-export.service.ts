import { Inject, Injectable } from '@nestjs/common';
import type { Principal } from '@kith/identity';
import { Clock, DomainError, KITH_CONFIG, londonDate } from '@kith/platform';
import type { KithConfig } from '@kith/platform';
import { checkGroupBy, ParticipationService } from '../participation/participation.service';
import { outcomesCsv } from './outcomes-csv';
import { participationCsv } from './participation-csv';
import { outcomesHtml, participationHtml } from './report-html';
import { OutcomesService } from '../outcomes.service';
import { ReportScope } from '../report-scope.service';
import {
  groupingsOf,
  REPORT_FORMATS,
  REPORT_KINDS,
  signReportLink,
  verifyReportLink,
} from '../report-link';
import type { ReportFormat, ReportKind, ReportRequest } from '../report-link';

export interface ReportFile {
  contentType: string;
  fileName: string;
  body: string;
}

/**
 * Reports as files a commissioner can keep (CSV) or read and print (an HTML page), fetched with the bearer
 * header or a signed link that works for 15 minutes. Scope is checked when the link is made
 * and again when it is used, so a link outlives no change of role.
 */
@Injectable()
export class ReportExportService {
  private readonly secret: string;

  constructor(
    private readonly clock: Clock,
    private readonly outcomes: OutcomesService,
    private readonly participation: ParticipationService,
    private readonly scope: ReportScope,
    @Inject(KITH_CONFIG) config: KithConfig,
  ) {
    this.secret = config.auth.jwtSecret;
  }

  /** A signed link to a report, for a caller who may read it now. */
  async link(
    principal: Principal,
    kind: string,
    format: string,
    areaId: string,
    from: Date,
    to: Date,
    groupBy: readonly string[] = ['MONTH'],
  ): Promise<string> {
    const parsed = this.parse(kind, format);
    const request = {
      ...parsed,
      areaId,
      from,
      to,
      by: principal.personId,
      groupBy: parsed.kind === 'participation' ? [...groupBy] : [],
    };
    // Checked now (no link is made for what the caller may not read), but not worked out: the
    // report is built when the link is used.
    if (request.kind === 'participation') checkGroupBy(request.groupBy);
    await this.scope.mayRead(principal, areaId, from, to);
    return signReportLink(request, this.secret, this.clock.now());
  }

  /** The file a bearer of a session asks for. */
  fileFor(principal: Principal, name: string, query: Record<string, unknown>): Promise<ReportFile> {
    const { kind, format } = this.parseName(name);
    const date = (key: string) => new Date(typeof query[key] === 'string' ? query[key] : '');
    const areaId = typeof query.areaId === 'string' ? query.areaId : '';
    return this.render(principal, {
      kind,
      format,
      areaId,
      from: date('from'),
      to: date('to'),
      by: principal.personId,
      groupBy: kind === 'participation' ? groupingsOf(query.groupBy ?? 'MONTH') : [],
    });
  }

  /**
   * The file a signed link asks for, as the person it was made for: their scope is read from
   * their role grants now (a commissioner removed since is refused), not from any session.
   */
  fileForLink(name: string, query: Record<string, unknown>): Promise<ReportFile> {
    const { kind, format } = this.parseName(name);
    const request = verifyReportLink(kind, format, query, this.secret, this.clock.now());
    return this.render({ personId: request.by, sessionId: 'report-link', roles: [] }, request);
  }

  private async render(principal: Principal, r: ReportRequest): Promise<ReportFile> {
    const from = londonDate(r.from);
    const to = londonDate(r.to);
    // Only letters, digits and dashes: an area's code never reaches a header as it is.
    const name = (code: string) =>
      `kith-${r.kind}-${code.replace(/[^A-Za-z0-9-]/g, '')}-${from}-${to}.${r.format}`;
    const csv = 'text/csv; charset=utf-8';
    const html = 'text/html; charset=utf-8';
    if (r.kind === 'outcomes') {
      const view = await this.outcomes.report(principal, r.areaId, r.from, r.to);
      return r.format === 'csv'
        ? { contentType: csv, fileName: name(view.area.code), body: outcomesCsv(view) }
        : { contentType: html, fileName: name(view.area.code), body: await outcomesHtml(view) };
    }
    if (r.format === 'csv') {
      const view = await this.participation.report(principal, r.areaId, r.from, r.to, r.groupBy);
      return { contentType: csv, fileName: name(view.area.code), body: participationCsv(view) };
    }
    // The page shows participation over time and reach by ward, whatever grouping was asked.
    const [byMonth, byWard] = await Promise.all([
      this.participation.report(principal, r.areaId, r.from, r.to, ['MONTH']),
      this.participation.report(principal, r.areaId, r.from, r.to, ['WARD']),
    ]);
    return {
      contentType: html,
      fileName: name(byMonth.area.code),
      body: await participationHtml(byMonth, byWard),
    };
  }

  private parseName(name: string): { kind: ReportKind; format: ReportFormat } {
    const [kind, format, ...rest] = name.split('.');
    if (rest.length > 0) throw DomainError.notFound('Report');
    return this.parse(kind ?? '', format ?? '');
  }

  private parse(kind: string, format: string): { kind: ReportKind; format: ReportFormat } {
    const problems: { path: string; message: string }[] = [];
    if (!(REPORT_KINDS as readonly string[]).includes(kind))
      problems.push({ path: 'kind', message: `one of ${REPORT_KINDS.join(', ')}` });
    if (!(REPORT_FORMATS as readonly string[]).includes(format))
      problems.push({ path: 'format', message: `one of ${REPORT_FORMATS.join(', ')}` });
    if (problems.length > 0) throw DomainError.badInput(problems);
    return { kind: kind as ReportKind, format: format as ReportFormat };
  }
}
