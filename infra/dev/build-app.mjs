#!/usr/bin/env node
// The member app's web export (apps/mobile/dist), built only when what goes into it changed.
//
//   node infra/dev/build-app.mjs [--force]
//
// The build calls the API at its own origin (`/graphql`), so one export works wherever
// serve-app.mjs serves it. What it was built from is hashed into dist/kith-build.json; the next
// run with the same hash does nothing. Metro's cache lives under apps/mobile/.expo/ of this
// checkout: the default one in /tmp is shared by every checkout on the machine and keeps
// EXPO_PUBLIC_* values inlined by other builds.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../..');
const MOBILE = join(ROOT, 'apps/mobile');
export const DIST = join(MOBILE, 'dist');
const STAMP = join(DIST, 'kith-build.json');
/** Empty: the app calls `/graphql` where it was loaded from (serve-app.mjs proxies it). */
const API_URL = '';

function* files(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* files(path);
    else if (entry.isFile()) yield path;
  }
}

/** What the export is made from: the app's sources and config, the lockfile, the schema. */
export function sourceHash() {
  const hash = createHash('sha256');
  const inputs = [
    ...files(join(MOBILE, 'app')),
    ...files(join(MOBILE, 'src')),
    ...['package.json', 'app.json', 'babel.config.js', 'metro.config.js', 'tsconfig.json']
      .map((name) => join(MOBILE, name))
      .filter((path) => existsSync(path)),
    join(ROOT, 'package-lock.json'),
    join(ROOT, 'schema.graphql'),
  ].sort();
  for (const path of inputs) {
    hash.update(relative(ROOT, path));
    hash.update('\0');
    hash.update(readFileSync(path));
    hash.update('\0');
  }
  hash.update(`api=${API_URL}`);
  return hash.digest('hex');
}

/** The export's JavaScript bundles, by name. */
function bundles() {
  const dir = join(DIST, '_expo', 'static', 'js');
  if (!existsSync(join(DIST, 'index.html')) || !existsSync(dir)) return [];
  return [...files(dir)].map((path) => relative(DIST, path)).sort();
}

function sameList(a, b) {
  return Array.isArray(a) && a.length > 0 && a.length === b.length && a.every((x, i) => x === b[i]);
}

function stamped() {
  try {
    return JSON.parse(readFileSync(STAMP, 'utf8'));
  } catch {
    return null;
  }
}

/** Builds when needed; returns what happened and how long it took. */
export function buildApp({
  force = false,
  log = (line) => process.stderr.write(`${line}\n`),
} = {}) {
  const hash = sourceHash();
  const before = stamped();
  // The bundles are named by their content: another export into dist (say, by hand with another
  // API address) leaves other names than the ones stamped.
  if (!force && before?.hash === hash && sameList(before.bundles, bundles())) {
    log(`[app] web export up to date (${relative(ROOT, DIST)})`);
    return { built: false, seconds: 0 };
  }
  const cacheRoot = join(MOBILE, '.expo', 'metro-tmp');
  mkdirSync(cacheRoot, { recursive: true });
  const started = Date.now();
  log('[app] exporting the web build (about a minute the first time, seconds after)');
  const result = spawnSync(
    process.execPath,
    [
      join(ROOT, 'node_modules/expo/bin/cli'),
      'export',
      '--platform',
      'web',
      '--output-dir',
      'dist',
    ],
    {
      cwd: MOBILE,
      env: {
        ...process.env,
        EXPO_OFFLINE: '1',
        EXPO_NO_TELEMETRY: '1',
        CI: '1',
        EXPO_PUBLIC_API_URL: API_URL,
        TMPDIR: cacheRoot,
      },
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  if (result.status !== 0) {
    throw new Error(`expo export failed (${result.status})\n${result.stdout}\n${result.stderr}`);
  }
  const seconds = (Date.now() - started) / 1000;
  writeFileSync(
    STAMP,
    `${JSON.stringify({ hash, apiUrl: API_URL, bundles: bundles(), builtAt: new Date().toISOString(), seconds })}\n`,
  );
  log(`[app] web export built in ${seconds.toFixed(1)} s`);
  return { built: true, seconds };
}

/** Every file of the export, with its size (for the bench). */
export function distFiles(dir = DIST) {
  return [...files(dir)].map((path) => ({ path, bytes: statSync(path).size }));
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const outcome = buildApp({ force: process.argv.includes('--force') });
  if (process.argv.includes('--json')) process.stdout.write(`${JSON.stringify(outcome)}\n`);
}
