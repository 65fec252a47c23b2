/**
 * A synthetic Greater London for city-scale runs: 33 boroughs on a grid over London's extent
 * (the corners of a 7 × 5 grid left out), each cut into 4 × 5 wards, as ONS-style GeoJSON.
 * The boundaries are invented; only the size and shape of the city are real.
 */
const WEST = -0.51;
const EAST = 0.33;
const SOUTH = 51.29;
const NORTH = 51.69;
const COLUMNS = 7;
const ROWS = 5;
const WARD_COLUMNS = 4;
const WARD_ROWS = 5;
const LEFT_OUT = new Set(['0,0', `${COLUMNS - 1},${ROWS - 1}`]);

interface Feature {
  type: 'Feature';
  properties: Record<string, string>;
  geometry: { type: 'Polygon'; coordinates: number[][][] };
}

export interface CityAreas {
  boroughs: { type: 'FeatureCollection'; features: Feature[] };
  wards: { type: 'FeatureCollection'; features: Feature[] };
}

function rectangle(west: number, south: number, east: number, north: number): Feature['geometry'] {
  const r = (n: number) => Math.round(n * 1e6) / 1e6;
  return {
    type: 'Polygon',
    coordinates: [
      [
        [r(west), r(south)],
        [r(east), r(south)],
        [r(east), r(north)],
        [r(west), r(north)],
        [r(west), r(south)],
      ],
    ],
  };
}

const code = (prefix: string, n: number) => `${prefix}${String(n).padStart(5, '0')}`;

/** The borough the demo coordinator and commissioner hold their roles in, in the city. */
export const CITY_DEMO_BOROUGH = code('K0910', 1);

export function cityAreas(): CityAreas {
  const boroughs: Feature[] = [];
  const wards: Feature[] = [];
  const width = (EAST - WEST) / COLUMNS;
  const height = (NORTH - SOUTH) / ROWS;
  for (let row = 0; row < ROWS; row += 1) {
    for (let column = 0; column < COLUMNS; column += 1) {
      if (LEFT_OUT.has(`${column},${row}`)) continue;
      const west = WEST + column * width;
      const south = SOUTH + row * height;
      const boroughCode = code('K0910', boroughs.length + 1);
      boroughs.push({
        type: 'Feature',
        properties: { LAD23CD: boroughCode, LAD23NM: `City Borough ${boroughs.length + 1}` },
        geometry: rectangle(west, south, west + width, south + height),
      });
      for (let wy = 0; wy < WARD_ROWS; wy += 1) {
        for (let wx = 0; wx < WARD_COLUMNS; wx += 1) {
          const ww = width / WARD_COLUMNS;
          const wh = height / WARD_ROWS;
          wards.push({
            type: 'Feature',
            properties: {
              WD23CD: code('K0510', wards.length + 1),
              WD23NM: `Ward ${wy * WARD_COLUMNS + wx + 1} of City Borough ${boroughs.length}`,
              LAD23CD: boroughCode,
            },
            geometry: rectangle(
              west + wx * ww,
              south + wy * wh,
              west + (wx + 1) * ww,
              south + (wy + 1) * wh,
            ),
          });
        }
      }
    }
  }
  return {
    boroughs: { type: 'FeatureCollection', features: boroughs },
    wards: { type: 'FeatureCollection', features: wards },
  };
}
