import type { ComposeContainerObj } from '../../core/model/topology';
import type { InspectorRow } from '../inspection';
import { uniqueLinks } from '../inspection';
import type { RoleSpec } from '../types';
import { bindingAddress } from './bindings';

/**
 * A Compose service's container (one per replica): image or build, the ports it listens on and
 * how each is reached, its health check, and the routes it proxies when it is a reverse proxy.
 */
export const containerRole: RoleSpec<'container'> = {
  role: 'container',
  label: 'Container',
  colour: 'green',
  box: (object) => ({
    title: object.name,
    subtitle: [
      object.image ?? (object.build ? `build ${object.build}` : 'no image'),
      object.replicas > 1 ? `replica ${object.replica} of ${object.replicas}` : undefined,
    ]
      .filter(Boolean)
      .join(' · '),
    lines: containerLines(object),
  }),
  facts: (object, context) => [
    {
      title: 'Details',
      rows: [
        { key: 'service', value: object.service },
        ...(object.image ? [{ key: 'image', value: object.image, mono: true }] : []),
        ...(object.build ? [{ key: 'build', value: object.build, mono: true }] : []),
        ...(object.replicas > 1 ? [{ key: 'replica', value: `${object.replica} of ${object.replicas}` }] : []),
        ...(object.networkMode ? [{ key: 'network_mode', value: networkModeText(object.networkMode) }] : []),
        ...(object.healthcheck
          ? [
              {
                key: 'healthcheck',
                value: object.healthcheck.disabled ? 'disabled' : object.healthcheck.test,
                mono: true,
              },
            ]
          : []),
        ...(object.restart ? [{ key: 'restart', value: object.restart }] : []),
        ...(object.profiles.length ? [{ key: 'profiles', value: object.profiles.join(', ') }] : []),
      ],
    },
    { title: 'Ports', rows: portRows(object) },
    {
      title: 'Networks',
      links: uniqueLinks(
        object.networks.map((n) =>
          context.link(n.network, [...n.aliases.map((a) => `as ${a}`), n.ipv4Address].filter(Boolean).join(' · ')),
        ),
      ),
    },
    {
      title: 'Depends on',
      links: uniqueLinks(context.outgoing(object.id, 'depends-on').map((e) => context.link(e.to, e.label))),
    },
    {
      title: 'Talks to (inferred)',
      links: uniqueLinks(context.outgoing(object.id, 'talks-to').map((e) => context.link(e.to, e.label))),
    },
    {
      title: 'Proxies to',
      links: uniqueLinks(context.outgoing(object.id, 'routes').map((e) => context.link(e.to, e.label))),
    },
    {
      title: 'Mounts',
      rows: object.mounts.map((m) => ({
        key: m.type,
        value: `${m.source ?? '(anonymous)'} → ${m.target}${m.readOnly ? ' (read-only)' : ''}`,
        mono: true,
      })),
    },
    {
      title: 'Environment',
      // Names only: values may be secrets, and the editor shows them to whoever wrote them.
      rows: object.env.map((e) => ({ key: e.name, value: '', mono: true })),
    },
  ],
};

/** What a container box lists: each port and how it is reached, then proxy routes and health. */
function containerLines(object: ComposeContainerObj): string[] {
  const lines: string[] = [];
  const published = new Set<string>();
  for (const binding of object.published) {
    const key = `${binding.target}/${binding.protocol}`;
    if (published.has(key)) continue;
    published.add(key);
    lines.push(`${portText(binding.target, binding.protocol)} ← ${bindingAddress(binding)}`);
  }
  for (const port of object.exposed) {
    if (published.has(`${port.port}/${port.protocol}`)) continue;
    lines.push(`${portText(port.port, port.protocol)} (inside only)`);
  }
  if (object.networkMode?.kind === 'host') lines.push("host's network: its ports are the host's");
  for (const route of object.proxy?.routes ?? []) {
    lines.push(`${route.exact ? '= ' : ''}${route.location} → ${route.upstreamHost}:${route.upstreamPort}`);
  }
  if (object.proxy && !object.proxy.known) lines.push('proxy routes unknown (no config)');
  if (object.healthcheck && !object.healthcheck.disabled) lines.push('♥ healthcheck');
  return lines;
}

function portText(port: number, protocol: string): string {
  return `:${port}${protocol !== 'TCP' ? '/' + protocol.toLowerCase() : ''}`;
}

function portRows(object: ComposeContainerObj): InspectorRow[] {
  return [
    ...object.published.map((b) => ({
      key: 'published',
      value: `${bindingAddress(b)} → ${b.target}/${b.protocol.toLowerCase()}${b.localOnly ? ' (local only)' : ''}`,
      mono: true,
    })),
    ...object.exposed
      .filter((e) => !object.published.some((b) => b.target === e.port && b.protocol === e.protocol))
      .map((e) => ({
        key: 'expose',
        value: `${e.port}/${e.protocol.toLowerCase()} (other containers only)`,
        mono: true,
      })),
  ];
}

function networkModeText(mode: NonNullable<ComposeContainerObj['networkMode']>): string {
  return mode.target ? `${mode.kind}:${mode.target}` : mode.kind;
}
