import { spawn } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, extname, join, normalize, sep } from 'node:path';
import axe from 'axe-core';
import puppeteer from 'puppeteer-core';
import type { Browser, ElementHandle, HTTPRequest, Page, Viewport } from 'puppeteer-core';

/** The checkout's root, from here in test/support or compiled under dist/ (the app bench). */
function checkoutRoot(from = __dirname): string {
  for (let dir = from; dir !== dirname(dir); dir = dirname(dir))
    if (existsSync(join(dir, 'infra/dev/serve-app.mjs'))) return dir;
  throw new Error('infra/dev/serve-app.mjs not found above ' + from);
}
export const ROOT = checkoutRoot();

/** The member app's web export, as infra/dev/build-app.mjs writes it. */
export const APP_DIST = join(ROOT, 'apps/mobile/dist');

/** A phone in the hand: an iPhone 14's CSS size, touch, two device pixels to a CSS pixel. */
export const PHONE: Viewport = {
  width: 390,
  height: 844,
  deviceScaleFactor: 2,
  isMobile: true,
  hasTouch: true,
};

/** Headless, no sandbox (root in a container), and nothing Chromium would fetch for itself. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-default-apps',
  '--disable-sync',
  '--no-first-run',
  '--metrics-recording-only',
];

export function launchChromium(): Promise<Browser> {
  return puppeteer.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_ARGS,
  });
}

function runNode(
  script: string,
  args: string[],
  timeoutMs: number,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(ROOT, script), ...args], {
      cwd: ROOT,
      env: process.env,
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${script} did not finish within ${timeoutMs} ms\n${stderr}`));
    }, timeoutMs);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

export interface WebExport {
  built: boolean;
  seconds: number;
}

/**
 * The web export, built only when the app's sources, the lockfile or the schema changed since the
 * last one (a hash kept beside it). About a minute cold; nothing when up to date.
 */
export async function exportWebApp(timeoutMs = 300_000): Promise<WebExport> {
  const result = await runNode('infra/dev/build-app.mjs', ['--json'], timeoutMs);
  if (result.code !== 0) throw new Error(`the web export failed:\n${result.stderr}`);
  return JSON.parse(result.stdout.trim().split('\n').pop()!) as WebExport;
}

export interface ServedApp {
  /** Where the app answers, e.g. http://localhost:41234 */
  url: string;
  stop(): Promise<void>;
}

/** infra/dev/serve-app.mjs on a free port, its API calls passed to `apiUrl`. */
export function serveWebApp(apiUrl: string): Promise<ServedApp> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [join(ROOT, 'infra/dev/serve-app.mjs'), '--port', '0', '--api', apiUrl],
      { cwd: ROOT, env: { PATH: process.env.PATH }, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let output = '';
    const exited = new Promise<void>((done) => child.once('exit', () => done()));
    child.once('exit', (code) => reject(new Error(`serve-app exited with ${code}:\n${output}`)));
    const collect = (chunk: Buffer) => {
      output += chunk.toString();
      const url = /serving (\S+)/.exec(output)?.[1];
      if (!url) return;
      child.stdout.off('data', collect);
      resolve({
        url,
        stop: async () => {
          child.kill('SIGTERM');
          await exited;
        },
      });
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  });
}

export async function phonePage(browser: Browser): Promise<Page> {
  const page = await browser.newPage();
  await page.setViewport(PHONE);
  return page;
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

/** axe-core's serious and critical violations on the page as it is now. */
export async function seriousViolations(page: Page): Promise<AxeViolation[]> {
  if (!(await page.evaluate('typeof window.axe !== "undefined"'))) {
    await page.addScriptTag({ content: axe.source });
  }
  // Run in the page, as source: the test itself has no DOM types.
  const violations = (await page.evaluate(`axe
    .run(document, { resultTypes: ['violations'] })
    .then((r) => r.violations.map((v) => ({
      id: v.id, impact: v.impact, help: v.help,
      targets: v.nodes.slice(0, 5).map((n) => n.target.join(' ')),
    })))`)) as AxeViolation[];
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

/**
 * A control found as a screen reader finds it: by its role and accessible name (Chromium's
 * accessibility tree), waiting until it is there.
 */
export async function byRole(
  page: Page,
  role: string,
  name: string,
  timeout = 15_000,
): Promise<ElementHandle> {
  // Quoted, so a name with a comma ("Inbox, 1 new") stays one name.
  const quoted = name.replace(/\\/g, '\\\\').replace(/"/g, '\\"');
  try {
    const found = await page.waitForSelector(`::-p-aria([name="${quoted}"][role="${role}"])`, {
      timeout,
    });
    if (found) return found;
  } catch (error) {
    if (!(error instanceof Error && error.name === 'TimeoutError')) throw error;
  }
  const there = await namesOf(page, role);
  throw new Error(
    `no ${role} named "${name}" within ${timeout} ms; the ${role}s there: ${JSON.stringify(there)}\n` +
      `the screen says: ${await screenText(page)}`,
  );
}

/** Every accessible name with this role on the page now (e.g. the headings of a list). */
export async function namesOf(page: Page, role: string): Promise<string[]> {
  const tree = await page.accessibility.snapshot({ interestingOnly: true });
  const names: string[] = [];
  const walk = (node: typeof tree) => {
    if (!node) return;
    if (node.role === role && node.name) names.push(node.name);
    for (const child of node.children ?? []) walk(child);
  };
  walk(tree);
  return names;
}

/**
 * What the screen in front of the member says, in reading order, a line per node of Chromium's
 * accessibility tree: screens kept mounted behind another tab are hidden from it, as from a
 * screen reader.
 */
export async function screenText(page: Page): Promise<string> {
  const tree = await page.accessibility.snapshot({ interestingOnly: true });
  const lines: string[] = [];
  const walk = (node: typeof tree) => {
    if (!node) return;
    if (node.name && node.role !== 'RootWebArea') lines.push(node.name);
    for (const child of node.children ?? []) walk(child);
  };
  walk(tree);
  return lines.join('\n');
}

/** Waits until this text is shown (visible) on the page. */
export async function waitForText(page: Page, text: string, timeout = 15_000): Promise<void> {
  await page.waitForSelector(`::-p-text(${JSON.stringify(text)})`, { visible: true, timeout });
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.png': 'image/png',
  '.ttf': 'font/ttf',
};

/**
 * The app's own files answered from the export while the network is off, as a phone has its
 * installed app with no signal (the web export has no service worker to do this). Everything
 * else, the API included, still meets the switched-off network.
 */
export async function answerAppFromExport(
  page: Page,
  origin: string,
): Promise<() => Promise<void>> {
  const answer = (request: HTTPRequest) => {
    if (request.isInterceptResolutionHandled()) return;
    const url = new URL(request.url());
    const api = url.pathname === '/graphql' || url.pathname.startsWith('/health/');
    if (url.origin !== origin || api) {
      void request.continue();
      return;
    }
    let file = normalize(join(APP_DIST, decodeURIComponent(url.pathname)));
    if (!file.startsWith(APP_DIST + sep) || !existsSync(file) || !statSync(file).isFile())
      file = join(APP_DIST, 'index.html');
    void request.respond({
      status: 200,
      contentType: TYPES[extname(file)] ?? 'application/octet-stream',
      body: readFileSync(file),
    });
  };
  await page.setRequestInterception(true);
  page.on('request', answer);
  return async () => {
    page.off('request', answer);
    await page.setRequestInterception(false);
  };
}
