import { createReadStream, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AreaService, PostcodeService } from '@kith/areas';

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

/** Imports the demo neighbourhood's shipped postcodes (KX1 … KX8 inside it, KX9 outside). */
export async function importShippedPostcodes(postcodes: PostcodeService): Promise<void> {
  await postcodes.import(
    createReadStream(join(__dirname, '../../infra/data/postcodes/demo-postcodes.csv')),
  );
}
