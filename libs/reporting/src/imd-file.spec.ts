import { parseImdFile } from './imd-file';

const HEADER =
  'LSOA code (2021),LSOA name (2021),Local Authority District code (2024),"Index of Multiple Deprivation (IMD) Rank (where 1 is most deprived)","Index of Multiple Deprivation (IMD) Decile (where 1 is most deprived 10% of LSOAs)"';

const fieldsOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    return (error as { fields: { path: string; message: string }[] }).fields;
  }
  throw new Error('expected a refusal');
};

describe('an IoD file', () => {
  it('gives each LSOA its decile, from the columns as the government names them', () => {
    const text = `\uFEFF${HEADER}\r\nE01000001,"City of London 001A",E09000001,29199,9\r\nE01000002,"City of London 001B",E09000001,30379,10\r\n`;
    expect(parseImdFile(text, 'IoD2025')).toEqual([
      { lsoaCode: 'E01000001', decile: 9 },
      { lsoaCode: 'E01000002', decile: 10 },
    ]);
  });

  it('names each line at fault and keeps nothing', () => {
    const text = [
      HEADER,
      'E01000001,A,E09000001,1,0',
      'X1,B,E09000001,2,3',
      'E01000003,C,E09000001,3,4',
      'E01000003,C,E09000001,3,4',
    ].join('\n');
    expect(fieldsOf(() => parseImdFile(text, 'IoD2025'))).toEqual([
      { path: 'line 2', message: 'the decile "0" is not a whole number from 1 to 10' },
      { path: 'line 3', message: '"X1" is not an English LSOA code' },
      { path: 'line 5', message: 'E01000003 is there twice' },
    ]);
  });

  it('refuses a file without the columns, a bad release name, and a file that is not CSV', () => {
    expect(fieldsOf(() => parseImdFile('code,decile\nE01000001,3', 'IoD2025'))).toHaveLength(2);
    expect(fieldsOf(() => parseImdFile(`${HEADER}\nE01000001,A,E,1,3`, '2025'))).toEqual([
      { path: 'version', message: 'give the release, e.g. IoD2025' },
    ]);
    expect(fieldsOf(() => parseImdFile(`${HEADER}\n"E01000001,A`, 'IoD2025'))[0].path).toBe('file');
  });

  it('stops naming lines after twenty, and says how many more', () => {
    const text = [HEADER, ...Array.from({ length: 30 }, (_, i) => `bad${i},A,E,1,3`)].join('\n');
    const fields = fieldsOf(() => parseImdFile(text, 'IoD2025'));
    expect(fields).toHaveLength(21);
    expect(fields[20]).toEqual({ path: 'file', message: 'and 10 more lines at fault' });
  });
});
