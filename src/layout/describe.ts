import type { PodObj, TopologyObject, WorkloadObj } from '../core/model/topology';

/** What a box says: its title, a subtitle and a few lines of detail. */
export type BoxText = { title: string; subtitle?: string; lines: string[] };

/** What each control-plane component does, in one line, for the expanded control plane. */
export const CONTROL_PLANE_ROLES: Readonly<Record<string, string>> = {
  'API server': 'front door of the cluster: every kubectl apply lands here',
  scheduler: 'picks a node for each new pod',
  'controller manager': 'keeps replicas and endpoints as declared',
  etcd: "stores the cluster's state",
};

/** `Deployment · 3 replicas · HPA 2–10`: what a workload is and how many pods it asks for. */
export function workloadSummary(object: WorkloadObj): string {
  const replicas = `${object.replicas} replica${object.replicas === 1 ? '' : 's'}`;
  const hpa = object.autoscaler ? ` · HPA ${object.autoscaler.minReplicas}–${object.autoscaler.maxReplicas}` : '';
  return `${object.kind} · ${replicas}${hpa}`;
}

/** A pod's containers, one line each, with their ports: `web :8080 (http)`. */
export function containerLines(pod: PodObj): string[] {
  return pod.template.containers.map(
    (c) =>
      `${c.name}${c.ports.length ? ' ' + c.ports.map((p) => `:${p.containerPort}${p.name ? ` (${p.name})` : ''}`).join(' ') : ''}`,
  );
}

/**
 * What a box says: its title, a subtitle and a few lines of detail. `expanded` asks the control
 * plane for a line per component instead of its one-line summary.
 */
export function describe(object: TopologyObject, expanded = false): BoxText {
  switch (object.role) {
    case 'internet':
      return { title: 'Internet', subtitle: 'clients outside the cluster', lines: [] };
    case 'cluster':
      return { title: object.name || 'Cluster', subtitle: 'Kubernetes cluster', lines: [] };
    case 'controlPlane':
      return expanded
        ? {
            title: 'Control plane',
            subtitle: 'runs the cluster; your pods never run here',
            lines: object.components.map((c) => (CONTROL_PLANE_ROLES[c] ? `${c} — ${CONTROL_PLANE_ROLES[c]}` : c)),
          }
        : { title: 'Control plane', subtitle: object.components.join(' · '), lines: [] };
    case 'node':
      return {
        title: object.name,
        subtitle: `${object.simulated ? 'simulated worker' : 'worker'} · kubelet · kube-proxy · runtime`,
        lines: [],
      };
    case 'pod':
      return {
        title: object.name,
        subtitle: object.unschedulable ? `Pod · unschedulable` : 'Pod',
        lines: containerLines(object),
      };
    case 'service': {
      const type = object.headless ? 'headless' : object.serviceType;
      const lines = object.servicePorts.map(
        (p) =>
          `${p.port} → ${p.targetPort}${p.nodePort ? ` · node :${p.nodePort}` : ''}${p.protocol !== 'TCP' ? ' ' + p.protocol : ''}`,
      );
      if (object.externalName) lines.push(`→ ${object.externalName}`);
      if (object.selector)
        lines.push(
          Object.entries(object.selector)
            .map(([k, v]) => `${k}=${v}`)
            .join(', ') || '{}',
        );
      return { title: object.name, subtitle: `Service · ${type}`, lines };
    }
    case 'ingress': {
      const lines: string[] = [];
      for (const rule of object.rules) {
        for (const path of rule.paths) {
          const backend = path.backend.service
            ? `${path.backend.service.name}:${path.backend.service.port.number ?? path.backend.service.port.name ?? ''}`
            : (path.backend.resource?.name ?? '?');
          lines.push(`${rule.host ?? '*'}${path.path} (${path.pathType})`, `  → ${backend}`);
        }
      }
      if (object.defaultBackend?.service) lines.push(`default → ${object.defaultBackend.service.name}`);
      const tls = object.tls.length > 0 ? ' · TLS' : '';
      return {
        title: object.name,
        subtitle: `Ingress${object.ingressClassName ? ` · ${object.ingressClassName}` : ''}${tls}`,
        lines,
      };
    }
    case 'gateway':
      return {
        title: object.name,
        subtitle: `Gateway${object.gatewayClassName ? ` · ${object.gatewayClassName}` : ''}`,
        lines: object.listeners.map((l) => `${l.name}: ${l.protocol} ${l.hostname ?? '*'}:${l.port}`),
      };
    case 'httpRoute':
      return {
        title: object.name,
        subtitle: 'HTTPRoute',
        lines: [
          ...(object.hostnames.length ? [object.hostnames.join(', ')] : []),
          ...object.rules.map(
            (r) =>
              `${r.matches.map((m) => m.path?.value ?? '/').join(' ') || '/'} → ${r.backendRefs.map((b) => b.name).join(', ')}`,
          ),
        ],
      };
    case 'networkPolicy':
      return { title: object.name, subtitle: `NetworkPolicy · ${object.policyTypes.join(', ')}`, lines: [] };
    case 'workload':
      return {
        title: object.name,
        subtitle: workloadSummary(object),
        lines: object.template.containers.map((c) => `${c.name} ${c.image ?? ''}`.trim()),
      };
    case 'container':
      return {
        title: object.name,
        subtitle: object.image ?? (object.build ? `build ${object.build}` : 'container'),
        lines: object.exposed.map((p) => `:${p.port}${p.protocol !== 'TCP' ? '/' + p.protocol.toLowerCase() : ''}`),
      };
    default:
      return { title: object.name, subtitle: object.kind, lines: [] };
  }
}
