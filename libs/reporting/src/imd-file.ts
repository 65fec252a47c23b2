import { parse } from 'csv-parse/sync';
import { DomainError } from '@kith/platform';
import type { FieldProblem } from '@kith/platform';

export interface ImdRow {
  lsoaCode: string;
  decile: number;
}

const VERSION = /^IoD\d{4}$/;
/** The headers of the IoD files' first sheet, as published (2019: LSOA code (2011); 2025: 2021). */
const CODE_HEADER = /^LSOA code( \(20\d\d\))?$/i;
const DECILE_HEADER = /^Index of Multiple Deprivation \(IMD\) Decile/i;
const MAX_PROBLEMS = 20;

/**
 * An IoD file (CSV, RFC 4180, as the government publishes "File 1" saved as CSV): the LSOA
 * code and the IMD decile of each row. BAD_USER_INPUT naming each line at fault (the first 20),
 * nothing kept, for a file without the two columns, a decile outside 1 to 10 or a code twice.
 * Pure: the text in, the rows out.
 */
export function parseImdFile(text: string, version: string): ImdRow[] {
  if (!VERSION.test(version))
    throw DomainError.badInput([{ path: 'version', message: 'give the release, e.g. IoD2025' }]);
  let records: string[][];
  try {
    records = parse(text, {
      bom: true,
      skip_empty_lines: true,
      skip_records_with_empty_values: true,
      trim: true,
    });
  } catch (error) {
    throw DomainError.badInput(
      [{ path: 'file', message: error instanceof Error ? error.message : String(error) }],
      'The file is not CSV',
    );
  }
  const [header, ...rows] = records;
  const codeAt = header?.findIndex((h) => CODE_HEADER.test(h)) ?? -1;
  const decileAt = header?.findIndex((h) => DECILE_HEADER.test(h)) ?? -1;
  const problems: FieldProblem[] = [];
  if (codeAt < 0)
    problems.push({ path: 'file', message: 'no "LSOA code" column in the first line' });
  if (decileAt < 0)
    problems.push({
      path: 'file',
      message: 'no "Index of Multiple Deprivation (IMD) Decile" column in the first line',
    });
  if (problems.length > 0) throw DomainError.badInput(problems, 'The file is not an IoD file');
  const seen = new Set<string>();
  const out: ImdRow[] = [];
  let more = 0;
  rows.forEach((row, i) => {
    const line = i + 2;
    const code = row[codeAt];
    const decile = /^\d{1,2}$/.test(row[decileAt] ?? '') ? Number(row[decileAt]) : Number.NaN;
    let problem: string | undefined;
    // England's only: the Welsh index is another scale, not to be mixed in.
    if (!/^E01\d{6}$/.test(code)) problem = `"${code}" is not an English LSOA code`;
    else if (!Number.isInteger(decile) || decile < 1 || decile > 10)
      problem = `the decile "${row[decileAt]}" is not a whole number from 1 to 10`;
    else if (seen.has(code)) problem = `${code} is there twice`;
    if (problem) {
      if (problems.length < MAX_PROBLEMS) problems.push({ path: `line ${line}`, message: problem });
      else more += 1;
      return;
    }
    seen.add(code);
    out.push({ lsoaCode: code, decile });
  });
  if (more > 0) problems.push({ path: 'file', message: `and ${more} more lines at fault` });
  if (problems.length > 0) throw DomainError.badInput(problems, 'Nothing was imported');
  if (out.length === 0) throw DomainError.badInput([{ path: 'file', message: 'no rows' }]);
  return out;
}
