import type { SourceSpan } from '../model/source';
import { diagnosticAt, type Diagnostic } from '../model/diagnostics';
import type {
  ComposeContainerObj,
  ComposeDependency,
  ComposeDependsCondition,
  ComposeMount,
  ComposePublishedPort,
  EnvVar,
  Protocol,
} from '../model/topology';
import { listOrMapEntries } from './mergeFields';
import { isLoopback, parseExposeEntry, parsePortEntry } from './ports';
import { entrySpan, fieldSpan, type Located } from './project';

/** What one service says about its containers, before networks and volumes are resolved to ids. */
export type ServiceFacts = Omit<
  ComposeContainerObj,
  'id' | 'kind' | 'role' | 'name' | 'parent' | 'replica' | 'networks' | 'source' | 'origin' | 'ports' | 'proxy'
> & {
  /** network key → aliases and addresses (the implicit `default` when none is named) */
  networkEntries: { name: string; aliases: string[]; ipv4Address?: string; ipv6Address?: string; entry: string }[];
};

function words(value: unknown): string[] {
  if (Array.isArray(value)) return value.map(String);
  if (typeof value === 'string')
    return value.match(/"[^"]*"|'[^']*'|\S+/g)?.map((w) => w.replace(/^["']|["']$/g, '')) ?? [];
  return [];
}

function truthy(value: unknown): boolean {
  return value === true || value === 'true';
}

/** Reads a service's ports, networks, dependencies, mounts and environment; problems come back as diagnostics. */
export function readService(service: Located): { facts: ServiceFacts; diagnostics: Diagnostic[] } {
  const v = service.value;
  const name = service.name;
  const diagnostics: Diagnostic[] = [];

  const published: ComposePublishedPort[] = [];
  const exposed: ServiceFacts['exposed'] = [];
  const addExposed = (port: number, protocol: Protocol, span: ComposePublishedPort['span']) => {
    if (!exposed.some((e) => e.port === port && e.protocol === protocol))
      exposed.push({ port, protocol, ...(span ? { span } : {}) });
  };
  const invalidPort = (span: SourceSpan, message: string) =>
    diagnostics.push(diagnosticAt(span, 'error', 'COMPOSE-PORT-INVALID', message));
  (Array.isArray(v.ports) ? v.ports : []).forEach((item, index) => {
    const span = entrySpan(service, 'ports', index);
    const parsed = parsePortEntry(item);
    if ('error' in parsed) {
      invalidPort(
        span,
        `Port ${JSON.stringify(item)} of service ${name} is not valid (${parsed.error}). Write [HOST_IP:][HOST:]CONTAINER[/PROTOCOL], e.g. "127.0.0.1:8080:80/tcp".`,
      );
      return;
    }
    for (const port of parsed.ports) {
      addExposed(port.target, port.protocol, span);
      published.push({ ...port, localOnly: isLoopback(port.hostIp), span });
    }
  });
  (Array.isArray(v.expose) ? v.expose : []).forEach((item, index) => {
    const span = entrySpan(service, 'expose', index);
    const parsed = parseExposeEntry(item);
    if ('error' in parsed) {
      invalidPort(span, `expose ${JSON.stringify(item)} of service ${name} is not a port (${parsed.error}).`);
      return;
    }
    for (const p of parsed.ports) addExposed(p.port, p.protocol, span);
  });

  const networkEntries: ServiceFacts['networkEntries'] = listOrMapEntries('networks', v.networks).map(([net, body]) => {
    const b = (body && typeof body === 'object' ? body : {}) as Record<string, unknown>;
    return {
      name: net,
      aliases: Array.isArray(b.aliases) ? b.aliases.map(String) : [],
      ...(typeof b.ipv4_address === 'string' ? { ipv4Address: b.ipv4_address } : {}),
      ...(typeof b.ipv6_address === 'string' ? { ipv6Address: b.ipv6_address } : {}),
      entry: net,
    };
  });

  let networkMode: ServiceFacts['networkMode'];
  if (typeof v.network_mode === 'string') {
    const mode = v.network_mode;
    const span = fieldSpan(service, 'network_mode');
    const colon = mode.indexOf(':');
    const kind = (colon === -1 ? mode : mode.slice(0, colon)) as NonNullable<ServiceFacts['networkMode']>['kind'];
    if (['host', 'none', 'bridge', 'service', 'container'].includes(kind)) {
      networkMode = { kind, ...(colon !== -1 ? { target: mode.slice(colon + 1) } : {}), span };
    } else {
      diagnostics.push(
        diagnosticAt(
          span,
          'error',
          'COMPOSE-NETWORK-MODE',
          `network_mode "${mode}" of service ${name} is not host, none, bridge, service:NAME or container:NAME.`,
        ),
      );
    }
    if (networkMode && v.networks !== undefined) {
      diagnostics.push(
        diagnosticAt(
          fieldSpan(service, 'networks', 'key'),
          'error',
          'COMPOSE-NETWORK-MODE-CONFLICT',
          `Service ${name} sets both network_mode and networks; Compose refuses that. Keep one.`,
        ),
      );
    }
    if (networkMode?.kind === 'host' && published.length > 0) {
      diagnostics.push(
        diagnosticAt(
          fieldSpan(service, 'ports', 'key'),
          'warning',
          'COMPOSE-PORTS-WITH-HOST-NETWORK',
          `Service ${name} uses network_mode: host, so its ports mappings are ignored: it listens on the host's own ports.`,
        ),
      );
    }
  }

  const dependsOn: ComposeDependency[] = listOrMapEntries('depends_on', v.depends_on).map(([dep, body]) => {
    const b = (body && typeof body === 'object' ? body : {}) as Record<string, unknown>;
    return {
      service: dep,
      condition: (typeof b.condition === 'string' ? b.condition : 'service_started') as ComposeDependsCondition,
      required: b.required === undefined ? true : truthy(b.required),
      restart: truthy(b.restart),
      span: entrySpan(service, 'depends_on', dep),
    };
  });

  const links = (Array.isArray(v.links) ? v.links : []).map((item, index) => {
    const [target = '', alias] = String(item).split(':');
    return { service: target, alias: alias ?? target, span: entrySpan(service, 'links', index) };
  });

  const env: EnvVar[] = listOrMapEntries('environment', v.environment).map(([key, value]) => ({
    name: key,
    ...(value !== null && value !== undefined ? { value: String(value) } : {}),
    span: entrySpan(service, 'environment', key),
  }));

  const mounts: ComposeMount[] = (Array.isArray(v.volumes) ? v.volumes : []).map((item, index) =>
    readMount(item, entrySpan(service, 'volumes', index)),
  );
  for (const t of words(v.tmpfs))
    mounts.push({ type: 'tmpfs', target: t.split(':')[0]!, readOnly: false, span: fieldSpan(service, 'tmpfs') });

  const build =
    typeof v.build === 'string'
      ? v.build
      : v.build && typeof v.build === 'object'
        ? String((v.build as Record<string, unknown>).context ?? '.')
        : undefined;
  const health =
    v.healthcheck && typeof v.healthcheck === 'object' ? (v.healthcheck as Record<string, unknown>) : undefined;
  const refs = (field: string) =>
    (Array.isArray(v[field]) ? (v[field] as unknown[]) : []).map((s) =>
      typeof s === 'string' ? s : String((s as Record<string, unknown>)?.source ?? ''),
    );
  const envFiles = (Array.isArray(v.env_file) ? v.env_file : v.env_file !== undefined ? [v.env_file] : []).map((f) =>
    typeof f === 'string' ? f : String((f as Record<string, unknown>)?.path ?? ''),
  );
  const replicasRaw = (v.deploy as Record<string, unknown> | null | undefined)?.replicas ?? v.scale;
  const replicas = replicasRaw === undefined ? 1 : Math.max(0, Math.floor(Number(replicasRaw)) || 0);

  const facts: ServiceFacts = {
    service: name,
    ...(typeof v.container_name === 'string' ? { containerName: v.container_name } : {}),
    ...(typeof v.hostname === 'string' ? { hostname: v.hostname } : {}),
    ...(typeof v.image === 'string' ? { image: v.image } : {}),
    ...(build !== undefined ? { build } : {}),
    replicas,
    published,
    exposed,
    networkEntries,
    ...(networkMode ? { networkMode } : {}),
    env,
    command: [...words(v.entrypoint), ...words(v.command)],
    envFiles,
    ...(health
      ? {
          healthcheck: {
            test: Array.isArray(health.test)
              ? health.test.filter((w) => w !== 'CMD' && w !== 'CMD-SHELL').join(' ')
              : String(health.test ?? ''),
            ...(typeof health.interval === 'string' ? { interval: health.interval } : {}),
            disabled: truthy(health.disable) || (Array.isArray(health.test) && health.test[0] === 'NONE'),
          },
        }
      : {}),
    dependsOn,
    links,
    mounts,
    secrets: refs('secrets'),
    configs: refs('configs'),
    profiles: Array.isArray(v.profiles) ? v.profiles.map(String) : [],
    ...(typeof v.restart === 'string' ? { restart: v.restart } : {}),
  };
  return { facts, diagnostics };
}

/** A `volumes` item: `SOURCE:TARGET[:MODE]`, a bare anonymous `TARGET`, or the long syntax. */
function readMount(item: unknown, span: ComposeMount['span']): ComposeMount {
  if (item && typeof item === 'object') {
    const r = item as Record<string, unknown>;
    const type = ['volume', 'bind', 'tmpfs'].includes(String(r.type)) ? (r.type as ComposeMount['type']) : 'other';
    return {
      type,
      ...(typeof r.source === 'string' ? { source: r.source } : {}),
      target: String(r.target ?? ''),
      readOnly: truthy(r.read_only),
      ...(span ? { span } : {}),
    };
  }
  const text = String(item);
  const parts = text.split(':');
  // A Windows drive letter (`C:\data:/data`) is part of the source.
  if (/^[A-Za-z]$/.test(parts[0]!) && parts.length > 2) parts.splice(0, 2, `${parts[0]}:${parts[1]}`);
  if (parts.length === 1) return { type: 'volume', target: parts[0]!, readOnly: false, ...(span ? { span } : {}) };
  const [source = '', target = '', mode = ''] = parts;
  const isPath = /^[./~]|^[A-Za-z]:|^\$/.test(source) || source.includes('/');
  return {
    type: isPath ? 'bind' : 'volume',
    source,
    target,
    readOnly: mode.split(',').includes('ro'),
    ...(span ? { span } : {}),
  };
}
