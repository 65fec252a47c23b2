import { Inject, Injectable } from '@nestjs/common';
import { SignInService } from '@kith/identity';
import type { Principal } from '@kith/identity';
import { Clock, DomainError, KITH_CONFIG, londonDate, Problems } from '@kith/platform';
import type { KithConfig } from '@kith/platform';
import { checkGroupBy, ParticipationService } from '../participation/participation.service';
import { outcomesCsv } from './outcomes-csv';
import { participationCsv } from './participation-csv';
import { outcomesHtml, participationHtml } from './report-html';
import { OutcomesService } from '../outcomes.service';
import { checkPeriod, ReportScope } from '../report-scope.service';
import {
  checkKindAndFormat,
  parseReportQuery,
  signReportLink,
  verifyReportLink,
} from '../report-link';
import type { ReportRequest } from '../report-link';

export interface ReportFile {
  contentType: string;
  fileName: string;
  body: string;
}

/**
 * Reports as files a commissioner can keep (CSV) or read and print (an HTML page), fetched with the bearer
 * header or a signed link that works for 15 minutes. Scope is checked when the link is made
 * and again when it is used, so a link outlives no change of role; and it is its maker's
 * session's, so it outlives no sign-out either.
 */
@Injectable()
export class ReportExportService {
  private readonly secret: string;

  constructor(
    private readonly clock: Clock,
    private readonly outcomes: OutcomesService,
    private readonly participation: ParticipationService,
    private readonly scope: ReportScope,
    private readonly signIn: SignInService,
    @Inject(KITH_CONFIG) config: KithConfig,
  ) {
    this.secret = config.auth.jwtSecret;
  }

  /** The path of a signed link to a report, for a caller who may read it now. */
  async link(
    principal: Principal,
    kind: string,
    format: string,
    areaId: string,
    from: Date,
    to: Date,
    groupBy: readonly string[] = ['MONTH'],
  ): Promise<string> {
    const problems = new Problems();
    const { kind: k, format: f } = checkKindAndFormat(kind, format, problems);
    problems.throwIfAny();
    const request: ReportRequest = {
      kind: k,
      format: f,
      areaId,
      from,
      to,
      by: principal.personId,
      session: principal.sessionId,
      groupBy: k === 'participation' ? [...groupBy] : [],
    };
    // Checked now (no link is made for what the caller may not read), but not worked out: the
    // report is built when the link is used.
    if (request.kind === 'participation') checkGroupBy(request.groupBy);
    await this.scope.mayRead(principal, areaId, from, to);
    return signReportLink(request, this.secret, this.clock.now());
  }

  /**
   * The file a request to /reports/<name> asks for, with the bearer's access token or as the
   * signed link it carries. Every part of it is checked first (BAD_USER_INPUT naming each bad
   * one), before anything is read or counted; then the caller (401), their scope (403) and the
   * area (404).
   */
  async file(
    name: string,
    query: Record<string, unknown>,
    accessToken: string | undefined,
  ): Promise<ReportFile> {
    const parsed = parseReportQuery(name, query);
    if (parsed.kind === 'participation' && parsed.groupBy) checkGroupBy(parsed.groupBy);
    if (!accessToken && parsed.link) {
      // Its period was checked when it was made: a link altered is refused as such (401).
      const request = verifyReportLink(parsed, parsed.link, this.secret, this.clock.now());
      // The link is its maker's session's: signed out or revoked since, it opens nothing. Their
      // scope is read from their role grants now (a commissioner removed since is refused).
      const maker = await this.signIn.principalOfSession(request.session, request.by);
      return this.render(maker, request);
    }
    checkPeriod(parsed.from, parsed.to, this.clock.now());
    if (!accessToken)
      throw DomainError.unauthenticated('Sign in, or open a report link made for you');
    const principal = await this.signIn.principalFor(accessToken);
    return this.render(principal, {
      ...parsed,
      by: principal.personId,
      session: principal.sessionId,
      groupBy: parsed.kind === 'participation' ? (parsed.groupBy ?? ['MONTH']) : [],
    });
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
}
