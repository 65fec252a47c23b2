import { Injectable } from '@nestjs/common';
import { Db, DomainError } from '@kith/platform';
import { parseImdFile } from './imd-file';
import { ImdRepository } from './imd.repository';

const NAMED = 20;

/**
 * Importing a release of the Indices of Deprivation: every LSOA it names must already be an
 * area (`import-areas --kind lsoa`), or nothing is imported and the unknown codes are named.
 * One transaction; importing a release again replaces it.
 */
@Injectable()
export class ImdService {
  constructor(
    private readonly db: Db,
    private readonly imd: ImdRepository,
  ) {}

  async import(text: string, version: string): Promise<{ imported: number; replaced: number }> {
    const rows = parseImdFile(text, version);
    return this.db.transaction(async () => {
      const unknown = await this.imd.unknownLsoas(rows.map((r) => r.lsoaCode));
      if (unknown.length > 0)
        throw DomainError.badInput(
          [
            {
              path: 'file',
              message: `${unknown.length} LSOA code${unknown.length === 1 ? ' is' : 's are'} not an imported area: ${unknown.slice(0, NAMED).join(', ')}${unknown.length > NAMED ? ', …' : ''} (import the LSOA boundaries first: import-areas --kind lsoa)`,
            },
          ],
          'Nothing was imported',
        );
      const { replaced } = await this.imd.replace(version, rows);
      return { imported: rows.length, replaced };
    });
  }
}
