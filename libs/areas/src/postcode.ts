/**
 * UK postcodes as people type them ("se1 7pb", "SE17PB", " Se1  7PB "): an outward code (area
 * letters, a district digit and an optional letter or digit) and an inward code (a digit and two
 * letters). Kept under `key` (upper case, no space) and shown as `display` ("SE1 7PB").
 */
export interface Postcode {
  key: string;
  display: string;
}

const SHAPE = /^([A-Z]{1,2}[0-9][A-Z0-9]?)([0-9][A-Z]{2})$/;

/** The postcode in `text`, or undefined when it is not shaped like one. */
export function parsePostcode(text: string): Postcode | undefined {
  if (text.length > 16) return undefined;
  const squeezed = text.toUpperCase().replace(/\s+/g, '');
  const match = SHAPE.exec(squeezed);
  if (!match) return undefined;
  return { key: squeezed, display: `${match[1]} ${match[2]}` };
}
