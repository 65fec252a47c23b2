/** How far something is, as a band: never a distance precise enough to locate anyone. */
export function distanceBand(metres: number): string {
  if (metres < 500) return 'under 500 m';
  if (metres < 1000) return 'under 1 km';
  if (metres < 2000) return '1–2 km';
  if (metres < 5000) return '2–5 km';
  return 'over 5 km';
}
