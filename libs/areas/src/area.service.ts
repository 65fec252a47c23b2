import { Injectable } from '@nestjs/common';
import { Db, DomainError } from '@kith/platform';
import { parseAreaFeatures } from './area-import';
import type { AreaImportOptions } from './area-import';
import { AreaRepository } from './area.repository';
import type { AreaRow } from './area.repository';

const KIND = /^[a-z][a-z_]{1,30}$/;

@Injectable()
export class AreaService {
  constructor(
    private readonly db: Db,
    private readonly areas: AreaRepository,
  ) {}

  list(): Promise<AreaRow[]> {
    return this.areas.list();
  }

  byIds(ids: readonly string[]): Promise<AreaRow[]> {
    return this.areas.byIds(ids);
  }

  async byCode(code: string): Promise<AreaRow> {
    // Codes are short and plain (K09000001, E05000644): anything else names no area.
    const area = /^[A-Za-z0-9_-]{1,40}$/.test(code) ? await this.areas.byCode(code) : undefined;
    if (!area) throw DomainError.notFound(`Area "${code.slice(0, 40)}"`);
    return area;
  }

  /** Imports a GeoJSON FeatureCollection in one transaction: all of it or none. */
  async importGeoJson(
    geojson: unknown,
    kind: string,
    options: AreaImportOptions,
  ): Promise<{ imported: number }> {
    if (!KIND.test(kind)) {
      throw DomainError.badInput([
        { path: 'kind', message: 'use lower-case letters, e.g. ward or borough' },
      ]);
    }
    const parsed = parseAreaFeatures(geojson, options);
    if (parsed.problems.length > 0) {
      throw DomainError.badInput(
        parsed.problems.map((message) => ({ path: 'file', message })),
        `The boundary file cannot be imported: ${parsed.problems.slice(0, 3).join('; ')}`,
      );
    }
    return this.db.transaction(async () => {
      const ids = await this.areas.upsert(kind, parsed.srid, parsed.areas);
      await this.areas.assignParents(ids);
      return { imported: ids.length };
    });
  }
}
