import { Injectable } from '@nestjs/common';
import { isDeepStrictEqual } from 'node:util';
import { Db, DomainError } from '@kith/platform';
import type { Instrument } from './instrument';
import { SHIPPED_INSTRUMENTS } from './shipped-instruments';

/** Instruments: the shipped ones (in code) and the imported ones (rows), by id and version. */
@Injectable()
export class SurveyInstrumentRepository {
  constructor(private readonly db: Db) {}

  /**
   * Stores an imported instrument. The same id and version again is accepted only with the same
   * definition (importing twice changes nothing); a shipped instrument's id is not taken over.
   */
  async import(def: Instrument): Promise<{ created: boolean }> {
    if (SHIPPED_INSTRUMENTS.some((s) => s.id === def.id))
      throw DomainError.conflict(`"${def.id}" is an instrument Kith ships; give yours another id`);
    const [row] = await this.db.query<{ created: boolean; definition: Instrument }>(
      `WITH added AS (
         INSERT INTO survey_instrument (instrument_id, version, definition) VALUES ($1, $2, $3)
         ON CONFLICT (instrument_id, version) DO NOTHING RETURNING definition)
       SELECT true AS created, definition FROM added
       UNION ALL
       SELECT false, definition FROM survey_instrument
        WHERE instrument_id = $1 AND version = $2 AND NOT EXISTS (SELECT 1 FROM added)`,
      [def.id, def.version, JSON.stringify(def)],
    );
    if (
      !row.created &&
      !isDeepStrictEqual(row.definition, JSON.parse(JSON.stringify(def)) as unknown)
    )
      throw DomainError.conflict(
        `${def.id} version ${def.version} was imported with other content; give this one a new version`,
      );
    return { created: row.created };
  }

  /**
   * What members are asked: the shipped instruments and the latest version of each imported
   * one (an operator imports an instrument to use it).
   */
  async current(): Promise<Instrument[]> {
    const rows = await this.db.query<{ definition: Instrument }>(
      `SELECT DISTINCT ON (instrument_id) definition FROM survey_instrument
        ORDER BY instrument_id, version DESC`,
    );
    return [...SHIPPED_INSTRUMENTS, ...rows.map((r) => r.definition)];
  }

  /** One version of an instrument, shipped or imported. */
  async find(id: string, version: number): Promise<Instrument | undefined> {
    const shipped = SHIPPED_INSTRUMENTS.find((s) => s.id === id && s.version === version);
    if (shipped) return shipped;
    const [row] = await this.db.query<{ definition: Instrument }>(
      `SELECT definition FROM survey_instrument WHERE instrument_id = $1 AND version = $2`,
      [id, version],
    );
    return row?.definition;
  }
}
