#!/usr/bin/env node
// Serves the member app's web export and passes its API calls on, so the app and the API share
// one origin (no CORS, and one export works on any address).
//
//   node infra/dev/serve-app.mjs [--port 8081] [--host 0.0.0.0] [--api http://127.0.0.1:3000] [--dist apps/mobile/dist]
//
// `/graphql` and `/health/*` go to the API; a file of the export is served as it is; any other
// path is one of expo-router's screens and gets index.html. Prints `serving <url>` once listening.
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { dirname, extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../..');

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.ttf': 'font/ttf',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'proxy-connection',
  'transfer-encoding',
  'upgrade',
  'te',
  'trailer',
]);

function isApiPath(pathname) {
  return pathname === '/graphql' || pathname.startsWith('/health/');
}

/** A request for the API, passed on as it came (method, headers, body) and answered as it answers. */
function proxy(req, res, api) {
  const target = new URL(req.url, api);
  const headers = Object.fromEntries(
    Object.entries(req.headers).filter(([name]) => !HOP_BY_HOP.has(name)),
  );
  headers.host = target.host;
  const send = target.protocol === 'https:' ? httpsRequest : httpRequest;
  const upstream = send(target, { method: req.method, headers }, (answer) => {
    const out = Object.fromEntries(
      Object.entries(answer.headers).filter(([name]) => !HOP_BY_HOP.has(name)),
    );
    res.writeHead(answer.statusCode ?? 502, out);
    answer.pipe(res);
  });
  upstream.on('error', () => {
    if (res.headersSent) {
      res.destroy();
      return;
    }
    // What the app reads as "Kith could not be reached" is a failed fetch; a 502 with a GraphQL
    // shaped body says the same to a person reading the network panel.
    res.writeHead(502, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ errors: [{ message: 'The Kith API is not answering.' }] }));
  });
  req.pipe(upstream);
}

/** A file of the export, or index.html for a screen's path; hashed bundles are cached for good. */
function serveFile(req, res, dist) {
  const pathname = decodeURIComponent(new URL(req.url, 'http://x').pathname);
  const wanted = normalize(join(dist, pathname));
  const inside = wanted === dist || wanted.startsWith(dist + sep);
  let file = inside && existsSync(wanted) && statSync(wanted).isFile() ? wanted : null;
  // An asset that is missing is a 404; any other path is a screen (expo-router on the client).
  if (!file && !extname(pathname)) file = join(dist, 'index.html');
  if (!file || !existsSync(file)) {
    res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
    res.end('Not found');
    return;
  }
  const immutable =
    file.includes(`${sep}_expo${sep}static${sep}`) || file.includes(`${sep}assets${sep}`);
  res.writeHead(200, {
    'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
    'content-length': statSync(file).size,
    // The page itself is looked at again each time, so a new export is picked up on reload.
    'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
    'x-content-type-options': 'nosniff',
  });
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  createReadStream(file).pipe(res);
}

/**
 * Starts serving; resolves with the address once listening. `port` 0 takes a free port.
 */
export function serveApp({
  dist = join(ROOT, 'apps/mobile/dist'),
  api = 'http://127.0.0.1:3000',
  port = 8081,
  host = '127.0.0.1',
} = {}) {
  const root = resolve(dist);
  if (!existsSync(join(root, 'index.html'))) {
    throw new Error(`${root}/index.html is missing: run node infra/dev/build-app.mjs first`);
  }
  const server = createServer((req, res) => {
    const pathname = new URL(req.url ?? '/', 'http://x').pathname;
    if (isApiPath(pathname)) {
      proxy(req, res, api);
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD' });
      res.end();
      return;
    }
    serveFile(req, res, root);
  });
  return new Promise((resolveListening, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      const { port: bound } = server.address();
      const shown = host === '0.0.0.0' || host === '127.0.0.1' ? 'localhost' : host;
      resolveListening({ server, url: `http://${shown}:${bound}`, port: bound });
    });
  });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: process.env.APP_PORT ?? '8081' },
      host: { type: 'string', default: process.env.APP_HOST ?? '127.0.0.1' },
      api: {
        type: 'string',
        default: process.env.API_URL ?? `http://127.0.0.1:${process.env.PORT ?? '3000'}`,
      },
      dist: { type: 'string', default: join(ROOT, 'apps/mobile/dist') },
    },
  });
  const { server, url } = await serveApp({
    dist: values.dist,
    api: values.api,
    port: Number(values.port),
    host: values.host,
  });
  process.stdout.write(`serving ${url} (the API at ${values.api})\n`);
  const stop = () => server.close(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
