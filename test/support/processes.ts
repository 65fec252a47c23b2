import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

export const ROOT = join(__dirname, '../..');

export function builtEntry(app: 'api' | 'worker' | 'cli'): string {
  const file = join(ROOT, 'dist/apps', app, 'src/main.js');
  if (!existsSync(file))
    throw new Error(`${file} is missing: run \`npm run build\` first (npm test does)`);
  return file;
}

export interface Exited {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs a built Kith process to its end (bounded by `timeoutMs`). */
export function runBuilt(
  app: 'api' | 'worker' | 'cli',
  args: string[],
  env: NodeJS.ProcessEnv,
  timeoutMs = 20_000,
): Promise<Exited> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [builtEntry(app), ...args], {
      cwd: ROOT,
      env: { PATH: process.env.PATH, ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(
        new Error(
          `${app} ${args.join(' ')} did not exit within ${timeoutMs} ms\n${stdout}\n${stderr}`,
        ),
      );
    }, timeoutMs);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}
