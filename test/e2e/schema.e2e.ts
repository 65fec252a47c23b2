import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { lexicographicSortSchema, printSchema } from 'graphql';
import { startApi } from '../support/api';
import type { RunningApi } from '../support/api';
import { testConfig } from '../support/config';
import { ROOT } from '../support/processes';

const FILE = join(ROOT, 'schema.graphql');

describe('the printed schema', () => {
  let api: RunningApi;

  beforeAll(async () => {
    api = await startApi(testConfig());
  });

  afterAll(() => api?.close());

  it('is the schema the code serves (npm run schema writes it after a change)', () => {
    const printed = `${printSchema(lexicographicSortSchema(api.app.get(GraphQLSchemaHost).schema))}\n`;
    if (process.env.WRITE_SCHEMA === '1') writeFileSync(FILE, printed);
    expect(readFileSync(FILE, 'utf8')).toBe(printed);
  });
});
