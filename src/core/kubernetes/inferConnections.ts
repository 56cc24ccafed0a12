import { diagnosticAt } from '../model/diagnostics';
import type { ObjectId } from '../model/ids';
import type { SourceSpan } from '../model/source';
import type { ServiceObj, TopologyEdge } from '../model/topology';
import { lookup, namespacesHolding, type Catalog } from './catalog';
import { similarServiceHint } from './ingressRouting';
import { selectPods } from './serviceEndpoints';
import { describeObject, type Reporter } from './report';

/**
 * Inferred `talks-to` edges: a workload that names a Service in an env value or its args
 * (`postgres:5432`, `http://cartservice:7070`, `postgresql://u:p@postgres:5432/db`,
 * `redis.cache.svc.cluster.local`) probably talks to it. Only host-like text counts — a URL, a
 * host:port, a cluster DNS name, or a bare name in a variable called *_HOST, *_ADDR, … — so that
 * `true` or an image name never turns into an edge.
 */

/** A host named in some text, and how it was written. */
export type HostMention = { host: string; port?: number; form: 'url' | 'host-port' | 'env-name' };

const URL_PATTERN =
  /\b[a-z][a-z0-9+.-]*:\/\/(?:[^@/\s'"]*@)?(\[[0-9a-fA-F:.]+\]|[A-Za-z0-9_][A-Za-z0-9_.-]*)(?::(\d{1,5}))?/gi;
const HOST_PORT_PATTERN = /(?<![\w.\-/@:$%{])([A-Za-z][A-Za-z0-9-]*(?:\.[A-Za-z0-9-]+)*):(\d{1,5})(?![\w.:])/g;
const BARE_HOST = /^[A-Za-z0-9]([-A-Za-z0-9]*[A-Za-z0-9])?(\.[A-Za-z0-9]([-A-Za-z0-9]*[A-Za-z0-9])?)*$/;
const HOST_VARIABLE = /(^|_)(HOST|HOSTNAME|HOST_NAME|ADDR|ADDRESS|SERVICE|SERVICE_HOST|SERVER|URL|URI|ENDPOINT|DSN)$/i;
// Words that fill *_HOST-like variables without naming a host.
const NOT_HOSTS = new Set([
  'true',
  'false',
  'yes',
  'no',
  'none',
  'null',
  'nil',
  'on',
  'off',
  'enabled',
  'disabled',
  'default',
  'auto',
]);

/** Hosts named in a text: URLs and host:port anywhere, and a bare name when the variable's name says it is a host. */
export function findHostMentions(text: string, variableName?: string): HostMention[] {
  const mentions: HostMention[] = [];
  const withoutUrls = text.replace(URL_PATTERN, (_match, host: string, port: string | undefined) => {
    mentions.push({ host, ...(port ? { port: Number(port) } : {}), form: 'url' });
    return ' ';
  });
  for (const match of withoutUrls.matchAll(HOST_PORT_PATTERN)) {
    mentions.push({ host: match[1]!, port: Number(match[2]), form: 'host-port' });
  }
  const trimmed = text.trim();
  if (
    mentions.length === 0 &&
    variableName !== undefined &&
    HOST_VARIABLE.test(variableName) &&
    BARE_HOST.test(trimmed) &&
    !/^\d+$/.test(trimmed) &&
    !NOT_HOSTS.has(trimmed.toLowerCase())
  ) {
    mentions.push({ host: trimmed, form: 'env-name' });
  }
  return mentions;
}

/** What a host means inside the cluster: a Service (and namespace) it names, or nothing (external, IP, localhost). */
export function clusterServiceOfHost(
  host: string,
  ownNamespace: string,
  knownNamespaces: ReadonlySet<string>,
): { service: string; namespace: string } | undefined {
  const lower = host.toLowerCase().replace(/\.$/, '');
  if (lower === 'localhost' || /^[\d.]+$/.test(lower) || lower.startsWith('[') || lower.includes('_')) return undefined;
  const labels = lower.split('.');
  if (labels.length === 1) return { service: labels[0]!, namespace: ownNamespace };
  // svc.ns.svc, svc.ns.svc.cluster.local, and pod.svc.ns.svc… (StatefulSet pod DNS names)
  const svcIndex = labels.lastIndexOf('svc');
  if (svcIndex >= 2 && (svcIndex === labels.length - 1 || labels.slice(svcIndex + 1).join('.') === 'cluster.local')) {
    return { service: labels[svcIndex - 2]!, namespace: labels[svcIndex - 1]! };
  }
  // `svc.ns` is a cluster name only when ns is a namespace of these files; `example.com` is not.
  if (labels.length === 2 && knownNamespaces.has(labels[1]!)) return { service: labels[0]!, namespace: labels[1]! };
  return undefined;
}

type Site = { text: string; variable?: string; label: string; span: SourceSpan };

/** Adds `talks-to` edges (labelled with the env var names) and K8S-INFERRED-HOST-MISSING warnings. */
export function inferConnections(catalog: Catalog, report: Reporter, edges: TopologyEdge[]): void {
  for (const entry of catalog.workloads) {
    const object = entry.object;
    const namespace = object.namespace ?? 'default';
    const ownPods = new Set(object.role === 'pod' ? [object.id] : object.pods);
    const labels = new Map<ObjectId, string[]>();
    const warned = new Set<string>();
    const sites: Site[] = [];
    const groups = [
      ['containers', object.template.containers],
      ['initContainers', object.template.initContainers],
    ] as const;
    for (const [field, containers] of groups) {
      containers.forEach((container, ci) => {
        for (const env of container.env) {
          if (env.value === undefined) continue;
          sites.push({ text: env.value, variable: env.name, label: env.name, span: env.span ?? entry.doc.span });
        }
        for (const key of ['command', 'args'] as const) {
          container[key].forEach((text, ai) => {
            sites.push({ text, label: key, span: entry.doc.locate([...entry.specPath, field, ci, key, ai]) });
          });
        }
      });
    }

    for (const site of sites) {
      for (const mention of findHostMentions(site.text, site.variable)) {
        const target = clusterServiceOfHost(mention.host, namespace, catalog.namespaces);
        if (!target) continue;
        const service = lookup<ServiceObj>(catalog, 'Service', target.namespace, target.service);
        if (service) {
          // A workload reaching itself through its own Service is no connection worth drawing.
          if (selectPods(service, catalog.pods).some((pod) => ownPods.has(pod.id))) continue;
          const list = labels.get(service.id) ?? [];
          if (!list.includes(site.label)) list.push(site.label);
          labels.set(service.id, list);
          continue;
        }
        const key = `${target.namespace}/${target.service}`;
        if (warned.has(key)) continue;
        warned.add(key);
        const elsewhere = namespacesHolding(catalog, 'Service', target.service).filter((ns) => ns !== target.namespace);
        const who = site.variable ?? `${describeObject(object.kind, namespace, object.name)} (${site.label})`;
        const fix =
          elsewhere.length > 0
            ? `A Service ${target.service} exists in namespace ${elsewhere.join(', ')}: write ${target.service}.${elsewhere[0]} to reach it.`
            : `Add a Service named ${target.service} in namespace ${target.namespace} that selects the pods serving it, or point ${site.variable ?? 'it'} at an existing Service${similarServiceHint(catalog, target.namespace)}.`;
        report.diagnostics.push(
          diagnosticAt(
            site.span,
            'warning',
            'K8S-INFERRED-HOST-MISSING',
            `${who} points at host "${mention.host}", and no Service named ${target.service} is in these files` +
              `${target.namespace !== namespace ? ` (namespace ${target.namespace})` : ''}. ${fix}`,
            object.id,
          ),
        );
      }
    }
    for (const [to, names] of labels) edges.push({ from: object.id, to, kind: 'talks-to', label: names.join(', ') });
  }
}
