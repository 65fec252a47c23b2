/**
 * @jest-environment node
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const APP = path.resolve(__dirname, '../..');
const COMMITTED = path.join(APP, 'src/gql');

function codegenBin(): string {
  const manifest = require.resolve('@graphql-codegen/cli/package.json');
  const { bin } = JSON.parse(readFileSync(manifest, 'utf8')) as { bin: Record<string, string> };
  const file = bin['graphql-codegen'];
  if (!file) throw new Error('@graphql-codegen/cli names no graphql-codegen binary');
  return path.join(path.dirname(manifest), file);
}

describe('generated client code', () => {
  it('matches what schema.graphql and the .graphql documents generate (run `npm run codegen -w apps/mobile`)', () => {
    const out = mkdtempSync(path.join(tmpdir(), 'kith-codegen-'));
    try {
      execFileSync(process.execPath, [codegenBin(), '--config', 'codegen.ts'], {
        cwd: APP,
        env: { ...process.env, KITH_CODEGEN_OUT: `${out}/` },
        stdio: 'pipe',
      });
      const generated = readdirSync(out).sort();
      const committed = readdirSync(COMMITTED)
        .filter((f) => !f.endsWith('.test.ts'))
        .sort();
      expect(committed).toEqual(generated);
      for (const file of generated) {
        expect({ file, text: readFileSync(path.join(COMMITTED, file), 'utf8') }).toEqual({
          file,
          text: readFileSync(path.join(out, file), 'utf8'),
        });
      }
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});
