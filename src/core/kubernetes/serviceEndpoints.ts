import type { ObjectId } from '../model/ids';
import type { PodObj, ServiceObj, ServicePort, TopologyEdge } from '../model/topology';
import type { Catalog, Sourced } from './catalog';
import { formatLabels } from './labels';
import { podIndexOf } from './podIndex';
import { declaresContainerPort, findNamedContainerPort, resolveTargetPort } from './ports';
import { describeObject, type Reporter } from './report';

/** The pods a Service selects: same namespace, every selector pair on the pod's labels; in catalog order. */
export function selectPods(service: Pick<ServiceObj, 'namespace' | 'selector'>, pods: readonly PodObj[]): PodObj[] {
  return podIndexOf(pods).select(service.namespace, service.selector);
}

/** The label of a Service → Pod edge: `80 → 8080`, a named target resolved for this pod as `80 → 3000 (http)`. */
function servicePodEdgeLabel(ports: readonly ServicePort[], pod: PodObj): string {
  return ports
    .map((port) => {
      if (typeof port.targetPort === 'number') return `${port.port} → ${port.targetPort}`;
      const resolved = resolveTargetPort(port, pod);
      return resolved === undefined
        ? `${port.port} → ${port.targetPort}`
        : `${port.port} → ${resolved} (${port.targetPort})`;
    })
    .join(', ');
}

/**
 * Connects every Service to its pods: `selects` edges, `endpoints` (scheduled pods only, as
 * only running pods become endpoints), and the checks that a Service reaches something.
 */
export function connectServices(catalog: Catalog, report: Reporter, edges: TopologyEdge[]): void {
  for (const entry of catalog.services) {
    const service = entry.object;
    if (service.serviceType === 'ExternalName') continue;
    const selected = service.selector ? selectPods(service, catalog.pods) : podsFromEndpoints(service, catalog);
    for (const pod of selected) {
      edges.push({
        from: service.id,
        to: pod.id,
        kind: 'selects',
        label: servicePodEdgeLabel(service.servicePorts, pod),
      });
    }
    service.endpoints = selected.filter((pod) => pod.node !== undefined).map((pod) => pod.id);
    if (service.selector) {
      checkSelection(entry, selected, catalog, report);
      if (selected.length > 0) checkTargetPorts(entry, selected, report);
    } else if (!catalog.endpoints.some((e) => e.namespace === service.namespace && e.serviceName === service.name)) {
      report(
        entry.doc,
        ['spec'],
        'info',
        'K8S-SVC-NO-SELECTOR',
        `${describeObject('Service', service.namespace, service.name)} has no selector and no Endpoints or EndpointSlice in ` +
          'these files, so it routes nowhere unless its endpoints are managed elsewhere. Add `selector:` with the labels of its pods.',
        service.id,
      );
    }
  }
}

function podsFromEndpoints(service: ServiceObj, catalog: Catalog): PodObj[] {
  const pods: PodObj[] = [];
  const seen = new Set<ObjectId>();
  for (const endpoints of catalog.endpoints) {
    if (endpoints.namespace !== service.namespace || endpoints.serviceName !== service.name) continue;
    for (const address of endpoints.addresses) {
      // Addresses without a pod of these files are external endpoints: nothing to draw an edge to.
      const pod =
        address.targetPod === undefined
          ? undefined
          : podIndexOf(catalog.pods).byName(service.namespace, address.targetPod);
      if (pod && !seen.has(pod.id)) {
        seen.add(pod.id);
        pods.push(pod);
      }
    }
  }
  return pods;
}

function checkSelection(entry: Sourced<ServiceObj>, selected: PodObj[], catalog: Catalog, report: Reporter): void {
  const service = entry.object;
  const what = describeObject('Service', service.namespace, service.name);
  const selector = formatLabels(service.selector ?? {});
  if (selected.length > 0) {
    if (selected.some((pod) => pod.node !== undefined)) return;
    report(
      entry.doc,
      ['spec', 'selector'],
      'warning',
      'K8S-SVC-NO-ENDPOINTS',
      `${what} selects ${selected.length} pod(s), but none could be scheduled, so it has no endpoints; see the scheduling warning of their workload.`,
      service.id,
    );
    return;
  }
  const elsewhere = podIndexOf(catalog.pods).selectElsewhere(service.namespace, service.selector);
  let hint: string;
  // When the files hold pods in the Service's namespace (the app is here) and it misses them
  // all, every request to it fails: an error. With no pods here at all, they may live in files
  // not pasted: a warning.
  const podsHere = podIndexOf(catalog.pods).inNamespace(service.namespace).length > 0;
  if (elsewhere.length > 0) {
    const namespaces = [...new Set(elsewhere.map((pod) => pod.namespace))].join(', ');
    hint = `Pods with these labels run in namespace ${namespaces}, but a Service only selects pods of its own namespace (${service.namespace}).`;
  } else {
    const candidates = describeCandidates(service, catalog);
    hint =
      candidates.length > 0
        ? `Pods in namespace ${service.namespace} have: ${candidates.join('; ')}. Make the selector a subset of one of these.`
        : `No pods run in namespace ${service.namespace} in these files; add the workload, or fix the selector.`;
  }
  report(
    entry.doc,
    ['spec', 'selector'],
    podsHere || elsewhere.length > 0 ? 'error' : 'warning',
    'K8S-SVC-NO-ENDPOINTS',
    `${what} selects ${selector}, which matches no pod, so it has no endpoints: requests to it fail (503). ${hint}`,
    service.id,
  );
}

/** The label sets of the namespace's workloads, e.g. `app=web (Deployment web)`; at most five. */
function describeCandidates(service: ServiceObj, catalog: Catalog): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const pod of podIndexOf(catalog.pods).inNamespace(service.namespace)) {
    if (out.length >= 5) break;
    const owner = pod.owner ? catalog.byId.get(pod.owner) : pod;
    const key = owner?.id ?? pod.id;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(`${formatLabels(pod.template.labels)} (${owner?.kind ?? 'Pod'} ${owner?.name ?? pod.name})`);
  }
  return out;
}

/** One pod per workload: pods of one workload share a template. */
function distinctTemplates(pods: readonly PodObj[]): PodObj[] {
  const seen = new Set<string>();
  return pods.filter((pod) => {
    const key = pod.owner ?? pod.id;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function checkTargetPorts(entry: Sourced<ServiceObj>, selected: PodObj[], report: Reporter): void {
  const service = entry.object;
  const what = describeObject('Service', service.namespace, service.name);
  const pods = distinctTemplates(selected);
  service.servicePorts.forEach((port, index) => {
    const path = ['spec', 'ports', index, 'targetPort'];
    if (typeof port.targetPort === 'string') {
      const name = port.targetPort;
      const missing = pods.filter((pod) => !findNamedContainerPort(pod, name, port.protocol));
      if (missing.length === 0) return;
      const declared = [
        ...new Set(pods.flatMap((pod) => pod.template.containers.flatMap((c) => c.ports.map((p) => p.name)))),
      ].filter((n): n is string => n !== undefined);
      const none = missing.length === pods.length;
      report(
        entry.doc,
        path,
        none ? 'error' : 'warning',
        'K8S-SVC-TARGETPORT-UNKNOWN',
        `${what}: targetPort "${name}" (port ${port.port}) names no ${port.protocol} container port of ` +
          `${none ? 'any selected pod' : `the pods of ${missing.map((p) => ownerName(p)).join(', ')}`}, so traffic to port ${port.port} ` +
          `${none ? 'goes nowhere' : 'skips those pods'}. ` +
          (declared.length > 0
            ? `Declared port names: ${declared.join(', ')}.`
            : 'The containers declare no named ports; add `name:` to a containerPort or use a number.'),
        service.id,
      );
      return;
    }
    const anyDeclared = pods.some((pod) => pod.template.containers.some((c) => c.ports.length > 0));
    // containerPort is informational: only a mismatch against declared ports hints at a typo.
    if (!anyDeclared || pods.some((pod) => declaresContainerPort(pod, port.targetPort as number, port.protocol)))
      return;
    const declared = [
      ...new Set(pods.flatMap((pod) => pod.template.containers.flatMap((c) => c.ports.map((p) => p.containerPort)))),
    ];
    report(
      entry.doc,
      typeof port.targetPort === 'number' && port.targetPort !== port.port ? path : ['spec', 'ports', index],
      // The pods say where they listen, and it is elsewhere: likely a typo, and likely refused.
      'warning',
      'K8S-SVC-TARGETPORT-UNDECLARED',
      `${what}: targetPort ${port.targetPort} is not a declared containerPort of the selected pods (they declare ${declared.join(', ')}), ` +
        'so the connection is likely refused. Set targetPort to the port the app listens on, or declare the port if it really listens there.',
      service.id,
    );
  });
}

function ownerName(pod: PodObj): string {
  return pod.owner ? pod.owner.split('/').slice(-1)[0]! : pod.name;
}
