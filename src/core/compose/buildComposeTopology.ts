import { diagnosticAt, type Diagnostic } from '../model/diagnostics';
import { objectId, type ObjectId } from '../model/ids';
import type { SourceFile } from '../model/source';
import type {
  ComposeContainerObj,
  ComposeProfile,
  HostObj,
  NetworkObj,
  PortSpec,
  Topology,
  TopologyEdge,
  TopologyObject,
  VolumeObj,
} from '../model/topology';
import type { ParsedDocument } from '../parse/parseFile';
import { checkCompose } from './checks';
import { containerEdges } from './edges';
import type { Variables } from './interpolate';
import { loadComposeProject } from './loadProject';
import { attachProxyRoutes } from './proxy';
import { declarationSpan, entrySpan, fieldSpan, type Located } from './project';
import { readService, type ServiceFacts } from './readService';

export type ComposeBuildOptions = {
  /** variables for interpolation (the variables panel, then `.env` tabs) */
  variables?: Variables;
  /** profiles to activate; services with other profiles are hidden */
  profiles?: readonly string[];
  /** nginx config files of the workspace */
  nginxConfigs?: readonly SourceFile[];
};

const COMPOSE_HOST_ID = objectId('compose:host');
const COMPOSE_INTERNET_ID = objectId('compose:internet');

/** The id of a container (`compose:container/web-2`). */
function containerId(name: string): ObjectId {
  return objectId(`compose:container/${name}`);
}
/** The id of a network by its key in the files. */
function networkId(name: string): ObjectId {
  return objectId(`compose:network/${name}`);
}
/** The id of a named volume. */
function volumeId(name: string): ObjectId {
  return objectId(`compose:volume/${name}`);
}

function truthy(value: unknown): boolean {
  return value === true || value === 'true' || (!!value && typeof value === 'object');
}

/** Compose documents → Topology: the host, its published ports, networks, containers, volumes and their edges. */
export function buildComposeTopology(
  documents: readonly ParsedDocument[],
  options: ComposeBuildOptions = {},
): { topology: Topology; diagnostics: Diagnostic[] } {
  const { project, diagnostics } = loadComposeProject(documents, options.variables ?? new Map());
  const active = new Set(options.profiles ?? []);

  const facts = new Map<string, { service: Located; facts: ServiceFacts }>();
  const profiles = new Map<string, string[]>();
  const inactive: HostObj['inactiveServices'] = [];
  for (const service of project.services.values()) {
    const read = readService(service);
    for (const p of read.facts.profiles) profiles.set(p, [...(profiles.get(p) ?? []), service.name]);
    if (read.facts.profiles.length > 0 && !read.facts.profiles.some((p) => active.has(p))) {
      inactive.push({ service: service.name, profiles: read.facts.profiles });
      continue;
    }
    diagnostics.push(...read.diagnostics);
    facts.set(service.name, { service, facts: read.facts });
  }

  const objects: TopologyObject[] = [];
  const edges: TopologyEdge[] = [];

  // Networks: the declared ones, plus the implicit `default` when a service joins no network.
  const networks = new Map<string, NetworkObj>();
  const addNetwork = (name: string, declared?: Located) => {
    const v = declared?.value ?? {};
    const obj: NetworkObj = {
      id: networkId(name),
      role: 'network',
      kind: 'Network',
      name,
      parent: COMPOSE_HOST_ID,
      internal: truthy(v.internal),
      external: truthy(v.external),
      ...(typeof v.driver === 'string' ? { driver: v.driver } : {}),
      implicit: !declared,
      ...(declared ? { source: declarationSpan(declared.origin) } : {}),
    };
    networks.set(name, obj);
  };
  for (const net of project.networks.values()) addNetwork(net.name, net);
  const volumes = new Map<string, VolumeObj>();
  for (const vol of project.volumes.values()) {
    const v = vol.value;
    volumes.set(vol.name, {
      id: volumeId(vol.name),
      role: 'volume',
      kind: 'Volume',
      name: vol.name,
      parent: COMPOSE_HOST_ID,
      external: truthy(v.external),
      ...(typeof v.driver === 'string' ? { driver: v.driver } : {}),
      source: declarationSpan(vol.origin),
    });
  }

  const containers: ComposeContainerObj[] = [];
  for (const { service, facts: f } of facts.values()) {
    const { networkEntries, ...rest } = f;
    const entries = f.networkMode
      ? []
      : networkEntries.length > 0
        ? networkEntries
        : [{ name: 'default', aliases: [], entry: '' }];
    const attachments: ComposeContainerObj['networks'] = [];
    for (const entry of entries) {
      if (!networks.has(entry.name)) {
        if (entry.name === 'default') addNetwork('default');
        else {
          diagnostics.push(
            diagnosticAt(
              entrySpan(service, 'networks', entry.entry),
              'error',
              'COMPOSE-NETWORK-UNDEFINED',
              `Service ${service.name} joins network ${entry.name}, which the top-level networks: section does not declare. Add it there (networks: {${entry.name}: {}}) or fix the name.`,
            ),
          );
          continue;
        }
      }
      attachments.push({
        network: networkId(entry.name),
        name: entry.name,
        aliases: entry.aliases,
        ...(entry.ipv4Address ? { ipv4Address: entry.ipv4Address } : {}),
        ...(entry.ipv6Address ? { ipv6Address: entry.ipv6Address } : {}),
        ...(entry.entry ? { span: entrySpan(service, 'networks', entry.entry) } : {}),
      });
    }
    for (const mount of rest.mounts) {
      if (mount.type !== 'volume' || !mount.source) continue;
      if (volumes.has(mount.source)) mount.volume = volumeId(mount.source);
      else
        diagnostics.push(
          diagnosticAt(
            mount.span ?? fieldSpan(service, 'volumes'),
            'error',
            'COMPOSE-VOLUME-UNDEFINED',
            `Service ${service.name} mounts volume ${mount.source}, which the top-level volumes: section does not declare. Add it there, or write a path (./${mount.source}) for a bind mount.`,
          ),
        );
    }
    const count = Math.max(1, f.replicas);
    for (let replica = 1; replica <= count; replica++) {
      const name = count > 1 ? `${service.name}-${replica}` : (f.containerName ?? service.name);
      containers.push({
        ...rest,
        id: containerId(name),
        role: 'container',
        kind: 'Container',
        name,
        parent: COMPOSE_HOST_ID,
        replica,
        networks: attachments.map((a) => ({ ...a, aliases: [...a.aliases] })),
        ports: rest.exposed.map((e): PortSpec => ({ port: e.port, protocol: e.protocol })),
        source: declarationSpan(service.origin),
      });
    }
  }

  diagnostics.push(...attachProxyRoutes(containers, options.nginxConfigs ?? []));
  diagnostics.push(...checkCompose(project, containers, inactive));

  const hostPorts: PortSpec[] = [];
  for (const c of containers)
    for (const p of c.published)
      if (p.published !== undefined && !hostPorts.some((h) => h.port === p.published && h.protocol === p.protocol))
        hostPorts.push({ port: p.published, protocol: p.protocol });
  const profileList: ComposeProfile[] = [...profiles].map(([name, services]) => ({
    name,
    active: active.has(name),
    services,
  }));
  const host: HostObj = {
    id: COMPOSE_HOST_ID,
    role: 'host',
    kind: 'Host',
    name: 'host',
    ports: hostPorts,
    profiles: profileList,
    inactiveServices: inactive,
  };
  objects.push({ id: COMPOSE_INTERNET_ID, role: 'internet', kind: 'Internet', name: 'Internet' }, host);
  if (containers.some((c) => c.published.some((p) => !p.localOnly) || c.networkMode?.kind === 'host'))
    edges.push({ from: COMPOSE_INTERNET_ID, to: COMPOSE_HOST_ID, kind: 'routes' });
  objects.push(...networks.values(), ...volumes.values(), ...containers);
  edges.push(...containerEdges(containers));
  return { topology: { world: 'compose', objects, edges }, diagnostics: uniqueDiagnostics(diagnostics) };
}

/** One diagnostic per place and message: a value shared through a YAML anchor is reported once. */
function uniqueDiagnostics(diagnostics: Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return diagnostics.filter((d) => {
    const key = `${d.file}:${d.line}:${d.column}:${d.code}:${d.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
