import type { ComposePublishedPort, Protocol } from '../model/topology';

/**
 * One `ports` entry, parsed the way compose-go's ParsePortConfig and go-connections'
 * ParsePortSpec do: a short string may expand into several entries (ranges pair element-wise).
 */
export type ParsedPort = Omit<ComposePublishedPort, 'localOnly' | 'span'>;

export type PortParse = { ports: ParsedPort[] } | { error: string };

const PROTOCOLS: Record<string, Protocol> = { tcp: 'TCP', udp: 'UDP', sctp: 'SCTP' };

type Range = { start: number; end: number };

function parseRange(text: string, what: string): Range | string {
  const match = /^(\d+)(?:-(\d+))?$/.exec(text);
  if (!match) return `Invalid ${what}: ${text}`;
  const start = Number(match[1]);
  const end = match[2] !== undefined ? Number(match[2]) : start;
  if (start < 1 || start > 65535 || end < 1 || end > 65535) return `Invalid ${what}: ${text}`;
  if (end < start) return `Invalid range specified for ${what}: ${text}`;
  return { start, end };
}

const IPV4 = /^(25[0-5]|2[0-4]\d|1?\d?\d)(\.(25[0-5]|2[0-4]\d|1?\d?\d)){3}$/;

function validIp(ip: string): boolean {
  if (IPV4.test(ip)) return true;
  // IPv6: hex groups and at most one `::`; good enough to tell a typo from an address.
  if (!/^[0-9a-f:.]+$/i.test(ip) || !ip.includes(':')) return false;
  const doubles = ip.split('::').length - 1;
  if (doubles > 1) return false;
  const groups = ip.split(':').filter((g) => g !== '');
  return groups.every((g) => /^[0-9a-f]{1,4}$/i.test(g)) && (doubles === 1 ? groups.length < 8 : groups.length === 8);
}

/** Parses a short-syntax port: `[[IP:](port|range):](port|range)[/protocol]`. */
function parseShortPort(raw: string | number): PortParse {
  const text = String(raw).trim();
  if (text === '') return { error: 'No port specified: <empty>' };
  const slash = text.lastIndexOf('/');
  const protoText = slash === -1 ? 'tcp' : text.slice(slash + 1).toLowerCase();
  const rest = slash === -1 ? text : text.slice(0, slash);
  const protocol = PROTOCOLS[protoText];
  if (!protocol) return { error: `Invalid proto: ${text.slice(slash + 1)}` };

  let hostIp: string | undefined;
  let hostPart = '';
  let containerPart: string;
  const bracket = /^\[([^\]]*)\]:(.*)$/.exec(rest);
  if (bracket) {
    hostIp = bracket[1];
    const after = bracket[2]!;
    const colon = after.lastIndexOf(':');
    if (colon === -1) return { error: `Invalid port spec: ${text}` };
    hostPart = after.slice(0, colon);
    containerPart = after.slice(colon + 1);
  } else {
    const fields = rest.split(':');
    containerPart = fields.pop()!;
    if (fields.length > 0) hostPart = fields.pop()!;
    if (fields.length > 0) hostIp = fields.join(':');
  }
  if (containerPart === '') return { error: `No port specified: ${text}<empty>` };
  if (hostIp !== undefined && hostIp !== '' && !validIp(hostIp)) return { error: `Invalid ip address: ${hostIp}` };
  if (hostIp === '') hostIp = undefined;

  const container = parseRange(containerPart, 'containerPort');
  if (typeof container === 'string') return { error: container };
  const host = hostPart === '' ? undefined : parseRange(hostPart, 'hostPort');
  if (typeof host === 'string') return { error: host };

  const base = { ...(hostIp !== undefined ? { hostIp } : {}), protocol, mode: 'ingress' as const };
  const containerSize = container.end - container.start;
  const out: ParsedPort[] = [];
  if (!host) {
    for (let port = container.start; port <= container.end; port++) out.push({ ...base, target: port });
  } else if (host.end - host.start === containerSize) {
    for (let i = 0; i <= containerSize; i++)
      out.push({ ...base, published: host.start + i, target: container.start + i });
  } else if (containerSize === 0) {
    out.push({ ...base, published: host.start, publishedEnd: host.end, target: container.start });
  } else {
    return { error: `invalid ranges specified for container and host Ports: ${containerPart} and ${hostPart}` };
  }
  return { ports: out };
}

/** Parses a long-syntax port mapping (`target`, `published`, `host_ip`, `protocol`, `mode`, `name`, `app_protocol`). */
function parseLongPort(raw: Record<string, unknown>): PortParse {
  const target = Number(raw.target);
  if (raw.target === undefined) return { error: 'A long-syntax port needs target (the container port).' };
  if (!Number.isInteger(target) || target < 1 || target > 65535)
    return { error: `Invalid containerPort: ${String(raw.target)}` };
  const protoText = String(raw.protocol ?? 'tcp').toLowerCase();
  const protocol = PROTOCOLS[protoText];
  if (!protocol) return { error: `Invalid proto: ${String(raw.protocol)}` };
  const mode = raw.mode === undefined ? 'ingress' : String(raw.mode);
  if (mode !== 'ingress' && mode !== 'host') return { error: `Invalid mode: ${mode} (use host or ingress)` };
  const hostIp = raw.host_ip === undefined || raw.host_ip === '' ? undefined : String(raw.host_ip);
  if (hostIp !== undefined && !validIp(hostIp)) return { error: `Invalid ip address: ${hostIp}` };
  const port: ParsedPort = { target, protocol, mode };
  if (hostIp !== undefined) port.hostIp = hostIp;
  if (raw.published !== undefined && raw.published !== '') {
    const range = parseRange(String(raw.published), 'hostPort');
    if (typeof range === 'string') return { error: range };
    port.published = range.start;
    if (range.end !== range.start) port.publishedEnd = range.end;
  }
  if (typeof raw.name === 'string') port.name = raw.name;
  if (typeof raw.app_protocol === 'string') port.appProtocol = raw.app_protocol;
  return { ports: [port] };
}

/** Parses one `ports` item of either syntax. */
export function parsePortEntry(raw: unknown): PortParse {
  if (typeof raw === 'string' || typeof raw === 'number') return parseShortPort(raw);
  if (raw && typeof raw === 'object' && !Array.isArray(raw)) return parseLongPort(raw as Record<string, unknown>);
  return { error: `A port is a string such as "8080:80" or a mapping with target; got ${JSON.stringify(raw)}` };
}

/** Parses one `expose` item: a port or a range (`"9091-9092"`), optionally with `/protocol`. */
export function parseExposeEntry(raw: unknown): { ports: { port: number; protocol: Protocol }[] } | { error: string } {
  const text = String(raw).trim();
  const [portText = '', protoText = 'tcp'] = text.split('/');
  const protocol = PROTOCOLS[protoText.toLowerCase()];
  if (!protocol) return { error: `Invalid proto: ${protoText}` };
  const range = parseRange(portText, 'port');
  if (typeof range === 'string') return { error: range };
  const ports: { port: number; protocol: Protocol }[] = [];
  for (let port = range.start; port <= range.end; port++) ports.push({ port, protocol });
  return { ports };
}

/** True for an address that only the host itself can reach (127.0.0.0/8, ::1). */
export function isLoopback(ip: string | undefined): boolean {
  return ip !== undefined && (ip.startsWith('127.') || ip === '::1' || ip === 'localhost');
}
