import { cityAreas, CITY_DEMO_BOROUGH } from './demo-city';

type Ring = number[][];
const box = (ring: Ring) => ({
  west: Math.min(...ring.map((p) => p[0])),
  east: Math.max(...ring.map((p) => p[0])),
  south: Math.min(...ring.map((p) => p[1])),
  north: Math.max(...ring.map((p) => p[1])),
});

describe('the synthetic city', () => {
  const { boroughs, wards } = cityAreas();

  it('has 33 boroughs of 20 wards over London, with unique codes', () => {
    expect(boroughs.features).toHaveLength(33);
    expect(wards.features).toHaveLength(660);
    const codes = [...boroughs.features, ...wards.features].map(
      (f) => f.properties.WD23CD ?? f.properties.LAD23CD,
    );
    expect(new Set(codes).size).toBe(693);
    expect(boroughs.features[0].properties.LAD23CD).toBe(CITY_DEMO_BOROUGH);
  });

  it('puts every ward inside the borough it names', () => {
    const byCode = new Map(
      boroughs.features.map((f) => [f.properties.LAD23CD, box(f.geometry.coordinates[0])]),
    );
    for (const ward of wards.features) {
      const outer = byCode.get(ward.properties.LAD23CD);
      const inner = box(ward.geometry.coordinates[0]);
      expect(outer).toBeDefined();
      expect(inner.west).toBeGreaterThanOrEqual(outer!.west - 1e-9);
      expect(inner.east).toBeLessThanOrEqual(outer!.east + 1e-9);
      expect(inner.south).toBeGreaterThanOrEqual(outer!.south - 1e-9);
      expect(inner.north).toBeLessThanOrEqual(outer!.north + 1e-9);
    }
  });
});
