/** A request URL, taken apart the way the routing steps need it. */
export type RequestUrl = {
  /** database and broker schemes (`postgres://`, `redis://`, …) are traced as `tcp` */
  scheme: 'http' | 'https' | 'tcp';
  /** the scheme as written (`postgresql`, `redis`, `http`, …), lower case */
  written: string;
  /** lower case, without a trailing dot */
  host: string;
  /** the explicit port, else 80 (http) or 443 (https) */
  port: number;
  explicitPort: boolean;
  /** the path as sent, `/` when empty; no query */
  path: string;
  query: [string, string][];
  /** the host was written with a trailing dot (an absolute DNS name: no search domains) */
  absolute: boolean;
};

const SCHEME = /^([a-z][a-z0-9+.-]*):\/\//i;

/** Schemes traced as TCP, with the port their clients use when the URL names none. */
export const TCP_SCHEME_PORTS: Readonly<Record<string, number>> = {
  postgres: 5432,
  postgresql: 5432,
  mysql: 3306,
  redis: 6379,
  mongodb: 27017,
  amqp: 5672,
};

/**
 * Parses a request URL; a URL without a scheme is taken as `http://` (so `postgres:5432` works).
 * Returns an error message instead of throwing.
 */
export function parseRequestUrl(raw: string): RequestUrl | { error: string } {
  const text = raw.trim();
  if (text === '')
    return { error: 'The URL is empty; give one such as https://api.example.com/ or http://node-1:30080/.' };
  const written = SCHEME.exec(text)?.[1]?.toLowerCase() ?? 'http';
  const defaultPort = TCP_SCHEME_PORTS[written];
  const scheme = defaultPort !== undefined ? 'tcp' : written;
  if (scheme !== 'http' && scheme !== 'https' && scheme !== 'tcp') {
    return {
      error: `Scheme "${written}" is not traced; use http://, https://, tcp://, or ${Object.keys(TCP_SCHEME_PORTS).join('://, ')}://.`,
    };
  }
  let parsed: URL;
  try {
    // WHATWG URL treats tcp:// as opaque-ish but still splits host and port; parse it as http.
    parsed = new URL(SCHEME.test(text) ? text.replace(SCHEME, 'http://') : `http://${text}`);
  } catch {
    return { error: `"${raw}" is not a URL; give one such as https://api.example.com/path.` };
  }
  let host = parsed.hostname.toLowerCase();
  if (host === '') return { error: `"${raw}" has no host.` };
  const absolute = host.endsWith('.');
  if (absolute) host = host.slice(0, -1);
  // WHATWG URL drops a default port (`:80` on http), so read an explicit one from the text.
  const writtenPort = /^(?:[a-z][a-z0-9+.-]*:\/\/)?(?:[^/@?#]*@)?(?:\[[^\]]*\]|[^/:?#]*):(\d+)/i.exec(text)?.[1];
  const explicitPort = writtenPort !== undefined;
  const port = writtenPort !== undefined ? Number(writtenPort) : (defaultPort ?? (scheme === 'https' ? 443 : 80));
  if (!(port >= 1 && port <= 65535)) return { error: `Port ${port} is out of range (1–65535).` };
  if (written === 'tcp' && !explicitPort) return { error: `A tcp:// URL needs a port, e.g. tcp://${host}:5432.` };
  return {
    scheme,
    written,
    host,
    port,
    explicitPort,
    path: parsed.pathname === '' ? '/' : parsed.pathname,
    query: [...parsed.searchParams.entries()],
    absolute,
  };
}

/** The URL back as text, for captions (`https://api.example.com/v1`). */
export function formatRequestUrl(url: RequestUrl): string {
  const port = url.explicitPort ? `:${url.port}` : '';
  return `${url.written}://${url.host}${port}${url.scheme === 'tcp' ? '' : url.path}`;
}
