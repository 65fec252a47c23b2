/** Pure parsing of GeoJSON boundary files (for example the ONS ward boundaries). */

export interface AreaFeature {
  code: string;
  name: string;
  geometry: { type: 'Polygon' | 'MultiPolygon'; coordinates: unknown };
}

export interface ParsedAreas {
  srid: number;
  areas: AreaFeature[];
  problems: string[];
}

export interface AreaImportOptions {
  codeProperty: string;
  nameProperty: string;
  srid?: number;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The SRID named by a legacy GeoJSON `crs` member, e.g. "urn:ogc:def:crs:EPSG::27700". */
export function sridFromCrs(crs: unknown): number | undefined {
  if (!isRecord(crs) || !isRecord(crs.properties)) return undefined;
  const name = crs.properties.name;
  if (typeof name !== 'string') return undefined;
  if (/CRS84$/i.test(name)) return 4326;
  const match = /EPSG:{1,2}(\d+)$/i.exec(name);
  return match ? Number(match[1]) : undefined;
}

function* positions(coordinates: unknown): Generator<number[]> {
  if (!Array.isArray(coordinates)) return;
  if (typeof coordinates[0] === 'number') {
    yield coordinates as number[];
    return;
  }
  for (const inner of coordinates) yield* positions(inner);
}

function textProperty(properties: Record<string, unknown>, key: string): string | undefined {
  const value = properties[key];
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string' && value.trim() !== '') return value.trim();
  return undefined;
}

export function parseAreaFeatures(input: unknown, options: AreaImportOptions): ParsedAreas {
  const problems: string[] = [];
  if (!isRecord(input) || input.type !== 'FeatureCollection' || !Array.isArray(input.features)) {
    return { srid: 4326, areas: [], problems: ['the file is not a GeoJSON FeatureCollection'] };
  }
  const srid = options.srid ?? sridFromCrs(input.crs) ?? 4326;
  const areas: AreaFeature[] = [];
  const seen = new Set<string>();
  input.features.forEach((feature: unknown, index) => {
    const where = `feature ${index + 1}`;
    if (!isRecord(feature) || !isRecord(feature.geometry)) {
      problems.push(`${where} has no geometry`);
      return;
    }
    const properties = isRecord(feature.properties) ? feature.properties : {};
    const code = textProperty(properties, options.codeProperty);
    const name = textProperty(properties, options.nameProperty);
    const type = feature.geometry.type;
    if (code === undefined) problems.push(`${where} has no "${options.codeProperty}" property`);
    if (name === undefined) problems.push(`${where} has no "${options.nameProperty}" property`);
    if (type !== 'Polygon' && type !== 'MultiPolygon') {
      problems.push(`${where} is a ${String(type)}, not a Polygon or MultiPolygon`);
      return;
    }
    if (code !== undefined && seen.has(code)) problems.push(`${where} repeats the code "${code}"`);
    if (srid === 4326) {
      for (const [lng, lat] of positions(feature.geometry.coordinates)) {
        if (!(Math.abs(lng) <= 180 && Math.abs(lat) <= 90)) {
          problems.push(
            `${where} has coordinates outside longitude/latitude (${lng}, ${lat}); ` +
              'name the projection with --srid (27700 for British National Grid)',
          );
          break;
        }
      }
    }
    if (code === undefined || name === undefined) return;
    seen.add(code);
    areas.push({ code, name, geometry: { type, coordinates: feature.geometry.coordinates } });
  });
  if (areas.length === 0 && problems.length === 0) problems.push('the file holds no features');
  return { srid, areas, problems };
}
