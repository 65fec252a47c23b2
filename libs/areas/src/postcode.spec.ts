import { Readable } from 'node:stream';
import { parsePostcode } from './postcode';
import { PostcodeFileError, readPostcodeFile } from './postcode-file';
import type { PostcodeFileCounts, PostcodePoint } from './postcode-file';

describe('parsePostcode', () => {
  it.each([
    ['SE1 7PB', 'SE17PB', 'SE1 7PB'],
    [' se17pb ', 'SE17PB', 'SE1 7PB'],
    ['sw1a  1aa', 'SW1A1AA', 'SW1A 1AA'],
    ['M1 1AE', 'M11AE', 'M1 1AE'],
    ['B33 8TH', 'B338TH', 'B33 8TH'],
    ['EC1A 1BB', 'EC1A1BB', 'EC1A 1BB'],
  ])('reads %p as %p', (text, key, display) => {
    expect(parsePostcode(text)).toEqual({ key, display });
  });

  it.each(['', 'hello', 'SE1', '7PB', 'SE1 7P', '1SE 7PB', 'SE1 7PBB', 'SE1-7PB', 'S E 1 7 P B x'])(
    'refuses %p',
    (text) => {
      expect(parsePostcode(text)).toBeUndefined();
    },
  );

  it('refuses long input without looking at it closely', () => {
    expect(parsePostcode(`SE1 7PB${' '.repeat(20)}`)).toBeUndefined();
  });
});

async function read(csv: string, batchSize = 2) {
  const counts: PostcodeFileCounts = { rows: 0, terminated: 0, withoutLocation: 0, unreadable: 0 };
  const batches: PostcodePoint[][] = [];
  for await (const batch of readPostcodeFile(Readable.from([csv]), counts, batchSize))
    batches.push(batch);
  return { counts, batches };
}

describe('readPostcodeFile', () => {
  it('reads live postcodes with a place, in batches, and counts the rest', async () => {
    const { counts, batches } = await read(
      [
        'pcd,pcds,doterm,lat,long',
        'KX1 1AA,KX1 1AA,,51.5,-0.1',
        'KX1 1AB,kx1 1ab,,51.501,-0.101',
        'KX1 1AD,KX1 1AD,202001,51.502,-0.102',
        'KX9 1AP,KX9 1AP,,99.999999,0.000000',
        'nonsense,nonsense,,51.5,-0.1',
        'KX1 1AE,KX1 1AE,,,',
        'KX1 1AF,KX1 1AF,,51.503,-0.103',
      ].join('\n'),
    );
    expect(batches.map((b) => b.map((p) => p.display))).toEqual([
      ['KX1 1AA', 'KX1 1AB'],
      ['KX1 1AF'],
    ]);
    expect(batches[0][1]).toEqual({ key: 'KX11AB', display: 'KX1 1AB', lat: 51.501, lng: -0.101 });
    expect(counts).toEqual({ rows: 7, terminated: 1, withoutLocation: 1, unreadable: 2 });
  });

  it('takes pcd when there is no pcds, and column names in any case', async () => {
    const { batches } = await read('PCD,LAT,LONG\r\nKX1 1AA,51.5,-0.1\r\n');
    expect(batches).toEqual([[{ key: 'KX11AA', display: 'KX1 1AA', lat: 51.5, lng: -0.1 }]]);
  });

  it('refuses a file without the columns it needs, naming them', async () => {
    await expect(read('postcode,latitude,longitude\nKX1 1AA,51.5,-0.1\n')).rejects.toThrow(
      new PostcodeFileError(
        "the file has no pcds (or pcd), lat, long column; give the ONS Postcode Directory's CSV (its columns pcds, lat, long)",
      ),
    );
    await expect(read('')).rejects.toThrow(PostcodeFileError);
  });

  it('passes on what csv-parse finds wrong', async () => {
    await expect(read('pcds,lat,long\n"KX1 1AA,51.5,-0.1\n')).rejects.toMatchObject({
      code: expect.stringMatching(/^CSV_/) as unknown,
    });
  });
});
