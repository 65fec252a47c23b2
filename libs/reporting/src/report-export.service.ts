import { Inject, Injectable } from '@nestjs/common';
import type { Principal } from '@kith/identity';
import { Clock, DomainError, KITH_CONFIG } from '@kith/platform';
import type { KithConfig } from '@kith/platform';
import { outcomesCsv } from './outcomes-csv';
import { OutcomesService } from './outcomes.service';
import { ReportScope } from './report-scope.service';
import { REPORT_FORMATS, REPORT_KINDS, signReportLink, verifyReportLink } from './report-link';
import type { ReportFormat, ReportKind, ReportRequest } from './report-link';

/** NOT_FOUND for a report not built yet (participation, HTML). */
function mustBeBuilt(r: Pick<ReportRequest, 'kind' | 'format'>): void {
  if (r.kind !== 'outcomes' || r.format !== 'csv')
    throw DomainError.notFound(`The ${r.kind} report as ${r.format.toUpperCase()} (not yet built)`);
}

export interface ReportFile {
  contentType: string;
  fileName: string;
  body: string;
}

/**
 * Reports as files a commissioner can keep: CSV now (HTML to come), fetched with the bearer
 * header or a signed link that works for 15 minutes. Scope is checked when the link is made
 * and again when it is used, so a link outlives no change of role.
 */
@Injectable()
export class ReportExportService {
  private readonly secret: string;

  constructor(
    private readonly clock: Clock,
    private readonly outcomes: OutcomesService,
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
  ): Promise<string> {
    const request = { ...this.parse(kind, format), areaId, from, to, by: principal.personId };
    // Checked now (no link is made for what the caller may not read), but not worked out: the
    // report is built when the link is used.
    mustBeBuilt(request);
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
    mustBeBuilt(r);
    const view = await this.outcomes.report(principal, r.areaId, r.from, r.to);
    return {
      contentType: 'text/csv; charset=utf-8',
      // Only letters, digits and dashes: an area's code never reaches a header as it is.
      fileName: `kith-outcomes-${view.area.code.replace(/[^A-Za-z0-9-]/g, '')}-${r.from.toISOString().slice(0, 10)}-${r.to.toISOString().slice(0, 10)}.csv`,
      body: outcomesCsv(view),
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
