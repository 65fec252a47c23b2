import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
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

export interface LogLine {
  msg?: string;
  level?: number;
  [key: string]: unknown;
}

/**
 * A built Kith process left running: its JSON log lines can be awaited as they come, and it can
 * be stopped politely (SIGTERM) or killed outright (SIGKILL, as a crash would).
 */
export class RunningProcess {
  readonly lines: LogLine[] = [];
  private readonly waiters: {
    match: (line: LogLine) => boolean;
    resolve: (line: LogLine) => void;
  }[] = [];
  private readonly exited: Promise<number | null>;
  private output = '';

  constructor(private readonly child: ChildProcess) {
    let buffer = '';
    const onChunk = (chunk: Buffer) => {
      this.output += chunk.toString();
      buffer += chunk.toString();
      let newline = buffer.indexOf('\n');
      while (newline >= 0) {
        this.take(buffer.slice(0, newline));
        buffer = buffer.slice(newline + 1);
        newline = buffer.indexOf('\n');
      }
    };
    child.stdout?.on('data', onChunk);
    child.stderr?.on('data', onChunk);
    this.exited = new Promise((resolve) => child.on('exit', (code) => resolve(code)));
  }

  private take(text: string): void {
    let line: LogLine;
    try {
      line = JSON.parse(text) as LogLine;
    } catch {
      line = { msg: text };
    }
    this.lines.push(line);
    for (const waiter of [...this.waiters]) {
      if (waiter.match(line)) {
        this.waiters.splice(this.waiters.indexOf(waiter), 1);
        waiter.resolve(line);
      }
    }
  }

  /** The first log line (already written or still to come) that matches. */
  waitForLog(
    match: (line: LogLine) => boolean,
    what: string,
    timeoutMs = 30_000,
  ): Promise<LogLine> {
    const already = this.lines.find(match);
    if (already) return Promise.resolve(already);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters.splice(
          this.waiters.findIndex((w) => w.resolve === done),
          1,
        );
        reject(
          new Error(
            `no log line for ${what} within ${timeoutMs} ms; output:\n${this.output.slice(-4000)}`,
          ),
        );
      }, timeoutMs);
      const done = (line: LogLine) => {
        clearTimeout(timer);
        resolve(line);
      };
      this.waiters.push({ match, resolve: done });
    });
  }

  async kill(signal: NodeJS.Signals = 'SIGTERM'): Promise<number | null> {
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill(signal);
    return this.exited;
  }
}

/** Starts a built app and resolves once it logs `readyMessage`. */
export async function startBuilt(
  app: 'api' | 'worker',
  env: NodeJS.ProcessEnv,
  readyMessage: RegExp,
): Promise<RunningProcess> {
  const child = spawn(process.execPath, [builtEntry(app)], {
    cwd: ROOT,
    env: { PATH: process.env.PATH, ...env },
  });
  const running = new RunningProcess(child);
  try {
    await running.waitForLog((line) => readyMessage.test(String(line.msg ?? '')), `${app} start`);
  } catch (error) {
    await running.kill('SIGKILL');
    throw error;
  }
  return running;
}
