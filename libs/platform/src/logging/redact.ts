/**
 * Query parameters that make a URL a credential: a signed link's signature, expiry, session and
 * person. Whoever reads them in a log holds the link, so every URL the logs write loses their
 * values (the report links of the reporting lib are made of these names).
 */
export const SECRET_QUERY_PARAMETERS = ['by', 'sid', 'expires', 'sig'] as const;

const SECRET: readonly string[] = SECRET_QUERY_PARAMETERS;
export const REDACTED = '[Redacted]';

function nameOf(pair: string): string {
  // As a server decodes it (`%73ig` is `sig`), leniently: a malformed escape is kept as it is.
  return [...new URLSearchParams(pair).keys()][0] ?? '';
}

/** A URL (or a path with a query) as it may be logged: the secret parameters' values redacted. */
export function redactUrlSecrets(url: string): string {
  const question = url.indexOf('?');
  if (question < 0) return url;
  const hash = url.indexOf('#', question);
  const end = hash < 0 ? url.length : hash;
  const query = url
    .slice(question + 1, end)
    .split('&')
    .map((pair) => {
      const equals = pair.indexOf('=');
      const key = equals < 0 ? pair : pair.slice(0, equals);
      return SECRET.includes(nameOf(pair)) ? `${key}=${REDACTED}` : pair;
    })
    .join('&');
  return `${url.slice(0, question)}?${query}${url.slice(end)}`;
}

interface SerializedRequest {
  url?: unknown;
  query?: unknown;
  headers?: unknown;
  [key: string]: unknown;
}

/**
 * pino-http's request as logged, without a signed link's secrets: in its URL, its parsed query
 * and a Referer header (a page opened from a link). The serialized request, pino-http's own
 * object, is rewritten in place; its query and headers, which may be the raw request's, are
 * replaced by copies, never changed.
 */
export function redactRequest<T extends SerializedRequest>(req: T): T {
  const out: SerializedRequest = req;
  if (typeof req.url === 'string') out.url = redactUrlSecrets(req.url);
  if (typeof req.query === 'object' && req.query !== null)
    out.query = Object.fromEntries(
      Object.entries(req.query).map(([key, value]) => [
        key,
        SECRET.includes(key) ? REDACTED : (value as unknown),
      ]),
    );
  if (typeof req.headers === 'object' && req.headers !== null) {
    const headers = { ...(req.headers as Record<string, unknown>) };
    for (const name of ['referer', 'referrer'])
      if (typeof headers[name] === 'string') headers[name] = redactUrlSecrets(headers[name]);
    out.headers = headers;
  }
  return req;
}
