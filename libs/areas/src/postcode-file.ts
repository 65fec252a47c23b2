import { parse } from 'csv-parse';
import type { Readable } from 'node:stream';
import { parsePostcode } from './postcode';

/** One live postcode with a location, as the ONS Postcode Directory gives it. */
export interface PostcodePoint {
  key: string;
  display: string;
  lat: number;
  lng: number;
}

/** What a file held besides the postcodes imported, counted so the operator can see it. */
export interface PostcodeFileCounts {
  rows: number;
  /** Terminated (doterm set): no longer in use, so nobody's home. */
  terminated: number;
  /** No grid reference (the ONS marks these with latitude 99.999999). */
  withoutLocation: number;
  /** Not a postcode in the postcode column, or a latitude or longitude that is not a number. */
  unreadable: number;
}

/** The columns read: ONSPD names (pcds or pcd, lat, long, doterm); any others are left. */
const POSTCODE_COLUMNS = ['pcds', 'pcd', 'pcd2'];

export class PostcodeFileError extends Error {}

/**
 * Reads an ONS Postcode Directory CSV (or any CSV with its column names) as a stream, a batch at
 * a time, so the full directory (2.7 million rows) never sits in memory at once. Rows that are not
 * a live postcode with a location are counted, not imported; a file without the columns needed
 * is refused before anything is read from it.
 */
export async function* readPostcodeFile(
  input: Readable,
  counts: PostcodeFileCounts,
  batchSize = 5000,
): AsyncGenerator<PostcodePoint[]> {
  const parser = input.pipe(
    parse({ columns: (header: string[]) => header.map((h) => h.trim().toLowerCase()), bom: true }),
  );
  let columns: { postcode: string; hasDoterm: boolean } | undefined;
  let batch: PostcodePoint[] = [];
  for await (const record of parser as AsyncIterable<Record<string, string>>) {
    if (!columns) {
      const names = Object.keys(record);
      const postcode = POSTCODE_COLUMNS.find((name) => names.includes(name));
      const missing = [
        ...(postcode ? [] : ['pcds (or pcd)']),
        ...['lat', 'long'].filter((name) => !names.includes(name)),
      ];
      if (missing.length > 0) {
        input.destroy();
        throw new PostcodeFileError(
          `the file has no ${missing.join(', ')} column; give the ONS Postcode Directory's CSV (its columns pcds, lat, long)`,
        );
      }
      columns = { postcode: postcode as string, hasDoterm: names.includes('doterm') };
    }
    counts.rows += 1;
    if (columns.hasDoterm && (record.doterm ?? '').trim() !== '') {
      counts.terminated += 1;
      continue;
    }
    const postcode = parsePostcode(record[columns.postcode] ?? '');
    const lat = Number(record.lat);
    const lng = Number(record.long);
    if (
      !postcode ||
      record.lat.trim() === '' ||
      record.long.trim() === '' ||
      !Number.isFinite(lat) ||
      !Number.isFinite(lng)
    ) {
      counts.unreadable += 1;
      continue;
    }
    if (Math.abs(lat) > 90 || Math.abs(lng) > 180) {
      counts.withoutLocation += 1;
      continue;
    }
    batch.push({ ...postcode, lat, lng });
    if (batch.length >= batchSize) {
      yield batch;
      batch = [];
    }
  }
  if (!columns) throw new PostcodeFileError('the file holds no postcodes');
  if (batch.length > 0) yield batch;
}
