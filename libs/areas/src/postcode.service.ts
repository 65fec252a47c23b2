import { Injectable } from '@nestjs/common';
import type { Readable } from 'node:stream';
import { Db, DomainError } from '@kith/platform';
import { parsePostcode } from './postcode';
import { PostcodeFileError, readPostcodeFile } from './postcode-file';
import type { PostcodeFileCounts, PostcodePoint } from './postcode-file';
import { PostcodeRepository } from './postcode.repository';
import type { PostcodePlace } from './postcode.repository';

export interface PostcodeImport extends PostcodeFileCounts {
  /** Postcodes new to Kith. */
  added: number;
  /** Postcodes Kith held already, their place read again. */
  updated: number;
}

/** Where a postcode someone typed is, or why it cannot be used. */
export type PostcodeLookup =
  { found: true; place: PostcodePlace } | { found: false; problem: 'MALFORMED' | 'UNKNOWN' };

@Injectable()
export class PostcodeService {
  constructor(
    private readonly db: Db,
    private readonly postcodes: PostcodeRepository,
  ) {}

  async lookup(text: string): Promise<PostcodeLookup> {
    const postcode = parsePostcode(text);
    if (!postcode) return { found: false, problem: 'MALFORMED' };
    const place = await this.postcodes.place(postcode.key);
    return place ? { found: true, place } : { found: false, problem: 'UNKNOWN' };
  }

  /**
   * Where a postcode a person typed puts them, inside an area Kith serves; or, in plain words,
   * why it cannot: not a postcode, not one Kith knows, or outside every area.
   */
  async locateServed(
    text: string,
  ): Promise<{ ok: true; place: PostcodePlace } | { ok: false; message: string }> {
    const found = await this.lookup(text);
    if (!found.found)
      return {
        ok: false,
        message:
          found.problem === 'MALFORMED'
            ? 'This is not a UK postcode. A postcode looks like SE1 7PB.'
            : 'We cannot find this postcode. Check it, or ask your coordinator.',
      };
    if (!found.place.areaId)
      return { ok: false, message: `Kith does not run near ${found.place.display} yet.` };
    return { ok: true, place: found.place };
  }

  /**
   * Imports an ONS Postcode Directory CSV in one transaction: all of it or, when the file cannot
   * be read, none. Importing a newer release over an older one moves what moved and adds what is
   * new; postcodes since terminated are kept (a member's home stays where it was).
   */
  async import(input: Readable): Promise<PostcodeImport> {
    const counts: PostcodeFileCounts = {
      rows: 0,
      terminated: 0,
      withoutLocation: 0,
      unreadable: 0,
    };
    let added = 0;
    let seen = 0;
    try {
      await this.db.transaction(async () => {
        for await (const batch of readPostcodeFile(input, counts)) {
          // A file naming a postcode twice in one batch: the later row wins, as across batches.
          const unique = [
            ...new Map(batch.map((p): [string, PostcodePoint] => [p.key, p])).values(),
          ];
          added += await this.postcodes.upsert(unique);
          seen += unique.length;
        }
      });
    } catch (error) {
      if (error instanceof PostcodeFileError || isCsvError(error))
        throw DomainError.badInput(
          [{ path: 'file', message: error.message }],
          `Nothing was imported: ${error.message}`,
        );
      throw error;
    }
    return { ...counts, added, updated: seen - added };
  }
}

/** csv-parse's own errors (an unclosed quote, a row with too many fields) carry a CSV_ code. */
function isCsvError(error: unknown): error is Error {
  if (!(error instanceof Error) || !('code' in error)) return false;
  return typeof error.code === 'string' && error.code.startsWith('CSV_');
}
