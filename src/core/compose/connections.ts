import type { SourceSpan } from '../model/source';
import type { ComposeContainerObj } from '../model/topology';

/** The default port of each scheme a connection string may use (and that traces accept). */
const SCHEME_PORTS: Record<string, number> = {
  http: 80,
  https: 443,
  ws: 80,
  wss: 443,
  postgres: 5432,
  postgresql: 5432,
  mysql: 3306,
  mariadb: 3306,
  redis: 6379,
  rediss: 6379,
  mongodb: 27017,
  amqp: 5672,
  amqps: 5671,
  nats: 4222,
  kafka: 9092,
  memcached: 11211,
  tcp: 0,
};

/** A host (and port) a container names in its environment or command. */
export type ConnectionRef = {
  host: string;
  port: number;
  /** the env variable's name, or `command` */
  via: string;
  text: string;
  span?: SourceSpan;
};

const URL_RE = /\b([a-z][a-z0-9+.-]*):\/\/(?:[^@\s/]*@)?([A-Za-z0-9_.-]+)(?::(\d+))?/gi;
const HOST_PORT_RE = /(?:^|[\s=,'"(])([A-Za-z][A-Za-z0-9_.-]*):(\d{2,5})\b/g;

/** True for a name that could be a Compose service (no dots, not localhost, not an IP). */
function looksInternal(host: string): boolean {
  return !host.includes('.') && host !== 'localhost' && !/^\d/.test(host);
}

/** Finds `scheme://host:port` and `host:port` references in one string. */
export function findConnections(text: string, via: string, span?: SourceSpan): ConnectionRef[] {
  const out: ConnectionRef[] = [];
  const taken = new Set<number>();
  for (const m of text.matchAll(URL_RE)) {
    const scheme = m[1]!.toLowerCase();
    const host = m[2]!;
    const port = m[3] !== undefined ? Number(m[3]) : (SCHEME_PORTS[scheme] ?? 0);
    if (!looksInternal(host) || port === 0 || !(scheme in SCHEME_PORTS)) continue;
    for (let i = m.index; i < m.index + m[0].length; i++) taken.add(i);
    out.push({ host, port, via, text: m[0], ...(span ? { span } : {}) });
  }
  for (const m of text.matchAll(HOST_PORT_RE)) {
    const start = m.index + m[0].indexOf(m[1]!);
    if (taken.has(start)) continue;
    const host = m[1]!;
    if (!looksInternal(host)) continue;
    out.push({ host, port: Number(m[2]), via, text: `${host}:${m[2]}`, ...(span ? { span } : {}) });
  }
  return out;
}

/** Every connection a container's environment and command name. */
export function containerConnections(container: ComposeContainerObj): ConnectionRef[] {
  const refs: ConnectionRef[] = [];
  for (const env of container.env) if (env.value) refs.push(...findConnections(env.value, env.name, env.span));
  refs.push(...findConnections(container.command.join(' '), 'command'));
  return refs;
}
