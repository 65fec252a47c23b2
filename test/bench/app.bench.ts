/**
 * npm run bench:app — the member app's web build: how much JavaScript a phone downloads, and how
 * long a signed-in member waits for For you.
 *
 * Over the quick start's demo neighbourhood (3,000 members, seed 20261124) in a database of its
 * own (`kith_bench_app`), the built API in a process of its own, the web export served by
 * infra/dev/serve-app.mjs (the API behind it at the same origin), and headless Chromium at phone
 * size. A run opens the app in a fresh browser profile with the demo member's tokens already in
 * storage (a member who signed in yesterday opening the app) and times, from the navigation's
 * start, until the first suggestion is on the screen: "cold" with nothing cached, "warm" again in
 * the same profile with the scripts in the browser's cache but the app's own kept answers wiped,
 * and cold again with the CPU four times slower (Chromium's throttling), as on a cheap phone.
 * The baseline, in the same run and interleaved with it: the same For you request the app sent
 * (its exact body, captured from the page) made bare with fetch to the same address.
 *
 * Progress goes to stderr; the last line on stdout is one JSON object with `targets`. BENCH_RUNS
 * (default 15) changes the number of runs.
 */
import 'reflect-metadata';
import { cpus } from 'node:os';
import { readdirSync, readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { Client } from 'pg';
import type { Browser } from 'puppeteer-core';
import { deriveSignInCode } from '@kith/identity';
import { APP_DIST, exportWebApp, launchChromium, PHONE, serveWebApp } from '../support/member-app';
import { Api, BENCH_JWT_SECRET } from './api-process';
import { log, percentile } from './bench-support';
import { databaseUrlFor, runCli } from './city-dataset';
import { freePort } from './free-port';

const SERVER_URL = process.env.BENCH_SERVER_URL ?? 'postgres://root@127.0.0.1:5432';
const DATABASE = 'kith_bench_app';
const RUNS = Number(process.env.BENCH_RUNS ?? 15);
const MEMBER = 'member@demo.kith.example';
const TARGET_OVER_BARE_MS = 1500;
const TARGET_JS_GZIP_KB = 700;
/** Chromium's CPU throttling for a cheap phone: this machine's cores, four times slower. */
const SLOW_PHONE_CPU = 4;

const round = (n: number, places = 1) => Math.round(n * 10 ** places) / 10 ** places;

function figures(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  return { medianMs: round(percentile(sorted, 50)), p95Ms: round(percentile(sorted, 95)) };
}

/** The export's JavaScript, as served and as gzip would send it. */
function javascriptSize() {
  const files = listJs(`${APP_DIST}/_expo/static/js`);
  let raw = 0;
  let gzip = 0;
  for (const file of files) {
    const bytes = readFileSync(file);
    raw += bytes.length;
    gzip += gzipSync(bytes).length;
  }
  return {
    files: files.map((f) => relative(APP_DIST, f)),
    rawKb: round(raw / 1024),
    gzipKb: round(gzip / 1024),
  };
}

function listJs(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = `${dir}/${entry.name}`;
    if (entry.isDirectory()) return listJs(path);
    return entry.name.endsWith('.js') ? [path] : [];
  });
}

async function seedDemo(): Promise<{ url: string; seconds: number }> {
  const admin = new Client({ connectionString: databaseUrlFor(SERVER_URL, 'postgres') });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${DATABASE} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${DATABASE}`);
  await admin.end();
  const url = databaseUrlFor(SERVER_URL, DATABASE);
  const started = Date.now();
  await runCli(['migrate'], { DATABASE_URL: url });
  await runCli(['demo'], { DATABASE_URL: url });
  return { url, seconds: round((Date.now() - started) / 1000) };
}

/** Signs the demo member in as the app would, the code derived as the mail job derives it. */
async function signIn(baseUrl: string, databaseUrl: string) {
  const post = async (query: string, variables: Record<string, unknown>) => {
    const response = await fetch(`${baseUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query, variables }),
    });
    return (await response.json()) as { data?: Record<string, unknown>; errors?: unknown[] };
  };
  await post(`mutation($e: String!) { requestSignInCode(email: $e) }`, { e: MEMBER });
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  const { rows } = await client.query<{ id: string }>(
    'SELECT id FROM sign_in_code WHERE email = $1 ORDER BY created_at DESC LIMIT 1',
    [MEMBER],
  );
  await client.end();
  const code = deriveSignInCode(BENCH_JWT_SECRET, rows[0].id);
  const answer = await post(
    `mutation($e: String!, $c: String!) { signIn(email: $e, code: $c) { accessToken refreshToken } }`,
    { e: MEMBER, c: code },
  );
  if (!answer.data) throw new Error(`sign-in failed: ${JSON.stringify(answer.errors)}`);
  return answer.data.signIn as { accessToken: string; refreshToken: string };
}

/**
 * In the page before any of its own scripts: the tokens in storage (and, for a warm start, the
 * app's kept answers wiped), and a watch that notes when the first suggestion is drawn.
 */
const prepare = (session: string, wipeCache: boolean) => `
  localStorage.setItem('kith.session', ${JSON.stringify(session)});
  ${wipeCache ? "localStorage.removeItem('kith.cache');" : ''}
  new MutationObserver((_, observer) => {
    if (document.querySelector('[data-testid^="suggestion-"]')) {
      window.__kithShownAt = performance.now();
      observer.disconnect();
    }
  }).observe(document, { childList: true, subtree: true });
`;

interface AppRun {
  coldMs: number;
  warmMs: number;
  forYouBody?: string;
}

async function appRun(
  browser: Browser,
  url: string,
  session: string,
  cpuSlowdown = 1,
): Promise<AppRun> {
  const context = await browser.createBrowserContext();
  try {
    const page = await context.newPage();
    await page.setViewport(PHONE);
    if (cpuSlowdown > 1) await page.emulateCPUThrottling(cpuSlowdown);
    let forYouBody: string | undefined;
    page.on('request', (request) => {
      const body = request.postData();
      if (request.url().endsWith('/graphql') && body?.includes('"operationName":"ForYou"'))
        forYouBody = body;
    });
    const shown = async (wipeCache: boolean) => {
      const script = await page.evaluateOnNewDocument(prepare(session, wipeCache));
      await page.goto(url, { waitUntil: 'domcontentloaded' });
      await page.waitForFunction('window.__kithShownAt !== undefined', { timeout: 30_000 });
      const at = (await page.evaluate('window.__kithShownAt')) as number;
      await page.removeScriptToEvaluateOnNewDocument(script.identifier);
      return at;
    };
    const coldMs = await shown(false);
    const warmMs = await shown(true);
    return { coldMs, warmMs, forYouBody };
  } finally {
    await context.close();
  }
}

async function bareCall(url: string, body: string, accessToken: string): Promise<number> {
  const started = performance.now();
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      accept: 'application/graphql-response+json, application/json',
      authorization: `Bearer ${accessToken}`,
    },
    body,
  });
  const answer = (await response.json()) as {
    data?: { recommendedSessions: unknown[] };
    errors?: unknown[];
  };
  const elapsed = performance.now() - started;
  if (!answer.data?.recommendedSessions.length)
    throw new Error(`the bare For you call found nothing: ${JSON.stringify(answer.errors)}`);
  return elapsed;
}

async function main(): Promise<void> {
  const started = Date.now();
  log('the web export');
  const exported = await exportWebApp();
  const javascript = javascriptSize();
  log(`JavaScript: ${javascript.rawKb} kB, ${javascript.gzipKb} kB gzipped`);
  log(`seeding the demo neighbourhood into ${DATABASE}`);
  const demo = await seedDemo();
  const port = await freePort();
  const api = await Api.start(demo.url, port);
  const served = await serveWebApp(`http://127.0.0.1:${port}`);
  const browser = await launchChromium();
  try {
    const tokens = await signIn(served.url, demo.url);
    const session = JSON.stringify(tokens);
    // One run to warm the API's own caches and to capture the request the app makes.
    const first = await appRun(browser, served.url, session);
    if (!first.forYouBody) throw new Error('the app never asked for For you');
    const body = first.forYouBody;
    await bareCall(served.url, body, tokens.accessToken);
    const bare: number[] = [];
    const cold: number[] = [];
    const warm: number[] = [];
    const slow: number[] = [];
    for (let i = 0; i < RUNS; i += 1) {
      bare.push(await bareCall(served.url, body, tokens.accessToken));
      const run = await appRun(browser, served.url, session);
      cold.push(run.coldMs);
      warm.push(run.warmMs);
      const slowRun = await appRun(browser, served.url, session, SLOW_PHONE_CPU);
      slow.push(slowRun.coldMs);
      log(
        `run ${i + 1}/${RUNS}: bare ${round(bare[i])} ms, cold ${round(run.coldMs)} ms, warm ${round(run.warmMs)} ms, cold on a slow phone ${round(slowRun.coldMs)} ms`,
      );
    }
    const bareFigures = figures(bare);
    const coldFigures = figures(cold);
    const warmFigures = figures(warm);
    const slowFigures = figures(slow);
    const overBare = {
      coldMedianMs: round(coldFigures.medianMs - bareFigures.medianMs),
      coldP95Ms: round(coldFigures.p95Ms - bareFigures.p95Ms),
      warmMedianMs: round(warmFigures.medianMs - bareFigures.medianMs),
      warmP95Ms: round(warmFigures.p95Ms - bareFigures.p95Ms),
      slowPhoneColdMedianMs: round(slowFigures.medianMs - bareFigures.medianMs),
      slowPhoneColdP95Ms: round(slowFigures.p95Ms - bareFigures.p95Ms),
    };
    const summary = {
      bench: 'app',
      machine: { cpus: cpus().length, node: process.version },
      runs: RUNS,
      viewport: PHONE,
      export: { builtThisRun: exported.built, seconds: exported.seconds },
      demo: { database: DATABASE, seedSeconds: demo.seconds },
      javascript,
      bareForYou: bareFigures,
      firstScreenCold: coldFigures,
      firstScreenWarm: warmFigures,
      firstScreenColdSlowPhone: { cpuSlowdown: SLOW_PHONE_CPU, ...slowFigures },
      overBare,
      targets: {
        firstScreenColdP95OverBareMs: {
          target: `<= ${TARGET_OVER_BARE_MS}`,
          value: overBare.coldP95Ms,
          met: overBare.coldP95Ms <= TARGET_OVER_BARE_MS,
        },
        javascriptGzipKb: {
          target: `< ${TARGET_JS_GZIP_KB}`,
          value: javascript.gzipKb,
          met: javascript.gzipKb < TARGET_JS_GZIP_KB,
        },
      },
      benchSeconds: Math.round((Date.now() - started) / 1000),
    };
    process.stdout.write(`${JSON.stringify(summary)}\n`);
  } finally {
    await browser.close();
    await served.stop();
    await api.stop();
  }
}

main().catch((error: unknown) => {
  log(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exit(1);
});
