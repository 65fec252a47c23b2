import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AreaService } from '@kith/areas';

const dir = join(__dirname, '../../infra/data/areas');

export function shippedAreas(file: 'demo-boroughs.geojson' | 'demo-wards.geojson'): unknown {
  return JSON.parse(readFileSync(join(dir, file), 'utf8'));
}

/** Imports the shipped synthetic boroughs and wards (an upsert: safe to repeat). */
export async function importShippedAreas(areas: AreaService): Promise<void> {
  await areas.importGeoJson(shippedAreas('demo-boroughs.geojson'), 'borough', {
    codeProperty: 'LAD23CD',
    nameProperty: 'LAD23NM',
  });
  await areas.importGeoJson(shippedAreas('demo-wards.geojson'), 'ward', {
    codeProperty: 'WD23CD',
    nameProperty: 'WD23NM',
  });
}
