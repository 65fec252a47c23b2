import { parseAreaFeatures, sridFromCrs } from './area-import';

const square = [
  [
    [-0.1, 51.5],
    [-0.09, 51.5],
    [-0.09, 51.51],
    [-0.1, 51.51],
    [-0.1, 51.5],
  ],
];
const options = { codeProperty: 'WD23CD', nameProperty: 'WD23NM' };

function collection(...features: unknown[]): unknown {
  return { type: 'FeatureCollection', features };
}

function ward(
  code: unknown,
  name: unknown,
  geometry: unknown = { type: 'Polygon', coordinates: square },
): unknown {
  return { type: 'Feature', properties: { WD23CD: code, WD23NM: name }, geometry };
}

describe('parseAreaFeatures', () => {
  it('reads codes, names and polygons', () => {
    const parsed = parseAreaFeatures(
      collection(ward('E05000001', ' Bankside '), ward(7, 'Numbered')),
      options,
    );
    expect(parsed.problems).toEqual([]);
    expect(parsed.srid).toBe(4326);
    expect(parsed.areas.map((a) => [a.code, a.name, a.geometry.type])).toEqual([
      ['E05000001', 'Bankside', 'Polygon'],
      ['7', 'Numbered', 'Polygon'],
    ]);
  });

  it('refuses what is not a FeatureCollection, or holds nothing', () => {
    expect(parseAreaFeatures({ type: 'Feature' }, options).problems).toEqual([
      'the file is not a GeoJSON FeatureCollection',
    ]);
    expect(parseAreaFeatures(collection(), options).problems).toEqual([
      'the file holds no features',
    ]);
  });

  it('names each feature that lacks a property, repeats a code or is not an area', () => {
    const parsed = parseAreaFeatures(
      collection(
        ward('A', undefined),
        ward('B', 'B'),
        ward('B', 'B again'),
        ward('C', 'C', { type: 'Point', coordinates: [0, 0] }),
        { type: 'Feature', properties: {} },
      ),
      options,
    );
    expect(parsed.problems).toEqual([
      'feature 1 has no "WD23NM" property',
      'feature 3 repeats the code "B"',
      'feature 4 is a Point, not a Polygon or MultiPolygon',
      'feature 5 has no geometry',
    ]);
  });

  it('spots projected coordinates and reads the projection from crs', () => {
    const bng = [
      [
        [530000, 180000],
        [531000, 180000],
        [531000, 181000],
        [530000, 180000],
      ],
    ];
    const projected = parseAreaFeatures(
      collection(ward('A', 'A', { type: 'Polygon', coordinates: bng })),
      options,
    );
    expect(projected.problems[0]).toMatch(/outside longitude\/latitude.*--srid/);
    const named = parseAreaFeatures(
      {
        ...(collection(ward('A', 'A', { type: 'Polygon', coordinates: bng })) as object),
        crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::27700' } },
      },
      options,
    );
    expect(named.problems).toEqual([]);
    expect(named.srid).toBe(27700);
  });

  it('reads SRIDs from the usual crs names', () => {
    expect(sridFromCrs({ properties: { name: 'EPSG:27700' } })).toBe(27700);
    expect(sridFromCrs({ properties: { name: 'urn:ogc:def:crs:OGC:1.3:CRS84' } })).toBe(4326);
    expect(sridFromCrs(undefined)).toBeUndefined();
  });
});
