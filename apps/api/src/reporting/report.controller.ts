import { Controller, Get, Param, Query, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { ReportExportService } from '@kith/reporting';
import { Public } from '../auth/auth.decorators';

/**
 * GET /reports/<participation|outcomes>.<csv|html>?areaId=&from=&to= with the bearer header, or
 * with the signed link from reportLink (then no header is needed, for 15 minutes, while the
 * session that made it is signed in). Public to the GraphQL guard only because it checks the one
 * or the other itself. Malformed input is 400 BAD_USER_INPUT, a missing or dead session or link
 * 401, another area 403, an unknown one 404.
 */
@Public()
@Controller('reports')
export class ReportController {
  constructor(private readonly exports: ReportExportService) {}

  @Get(':file')
  async file(
    @Param('file') file: string,
    @Query() query: Record<string, unknown>,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const header = req.headers.authorization;
    const token = header?.startsWith('Bearer ') ? header.slice(7).trim() : undefined;
    const report = await this.exports.file(file, query, token || undefined);
    res
      .status(200)
      .set({
        'Content-Type': report.contentType,
        // A page opens in the browser (to read, or print to PDF); a CSV is saved.
        'Content-Disposition': `${report.contentType.startsWith('text/html') ? 'inline' : 'attachment'}; filename="${report.fileName}"`,
        'Cache-Control': 'private, no-store',
        'X-Content-Type-Options': 'nosniff',
        // No script, nothing fetched: the page is its own styles and inline SVG.
        'Content-Security-Policy':
          "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'none'",
        'Referrer-Policy': 'no-referrer',
      })
      .send(report.body);
  }
}
