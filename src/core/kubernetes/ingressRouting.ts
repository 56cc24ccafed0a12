import type { IngressBackend, ServiceObj, TopologyEdge } from '../model/topology';
import { lookup, namespacesHolding, type Catalog } from './catalog';
import { INTERNET_ID } from './nodes';
import { findServicePort } from './ports';
import { describeObject, type Reporter } from './report';

/** `80 (http), 443 (https)`: a Service's ports for messages. */
export function describeServicePorts(service: ServiceObj): string {
  if (service.servicePorts.length === 0) return 'no ports';
  return service.servicePorts.map((p) => (p.name ? `${p.port} (${p.name})` : String(p.port))).join(', ');
}

function describeBackendPort(port: { number?: number; name?: string }): string {
  return port.number !== undefined ? `port ${port.number}` : `port "${port.name}"`;
}

/**
 * Wires every Ingress: Internet → Ingress, Ingress → each distinct backend Service (labelled with
 * its host/paths), and checks backends, ports, the ingress class and TLS secrets.
 */
export function routeIngresses(catalog: Catalog, report: Reporter, edges: TopologyEdge[]): void {
  for (const entry of catalog.ingresses) {
    const ingress = entry.object;
    const what = describeObject('Ingress', ingress.namespace, ingress.name);
    edges.push({ from: INTERNET_ID, to: ingress.id, kind: 'routes' });

    const routesByService = new Map<string, { service: ServiceObj; routes: string[] }>();
    const checked = new Set<string>();
    for (const site of entry.backends) {
      const ref = site.backend.service;
      if (!ref) continue;
      const service = ref.name ? lookup<ServiceObj>(catalog, 'Service', ingress.namespace, ref.name) : undefined;
      const key = `${ref.name}:${ref.port.number ?? ref.port.name ?? ''}`;
      if (service) {
        const group = routesByService.get(service.id) ?? { service, routes: [] };
        if (!group.routes.includes(site.route)) group.routes.push(site.route);
        routesByService.set(service.id, group);
      }
      if (checked.has(key)) continue;
      checked.add(key);
      // The controller answers 503 for a backend it cannot resolve: an error, as the trace shows it.
      checkBackend(site.backend, service, catalog, what, ingress.namespace ?? 'default', (message, code) =>
        report(entry.doc, site.path, 'error', code, message, ingress.id),
      );
    }
    for (const { service, routes } of routesByService.values()) {
      edges.push({ from: ingress.id, to: service.id, kind: 'routes', label: routes.join(', ') });
    }

    if (
      ingress.ingressClassName !== undefined &&
      !catalog.ingressClasses.some((c) => c.name === ingress.ingressClassName)
    ) {
      report(
        entry.doc,
        ['spec', 'ingressClassName'],
        'info',
        'K8S-INGRESS-CLASS-UNKNOWN',
        `${what} asks for ingress class "${ingress.ingressClassName}", which no IngressClass in these files defines. ` +
          'That is fine when the controller is installed separately; otherwise add the IngressClass (and its controller).',
        ingress.id,
      );
    }

    // cert-manager (and similar) create the TLS Secret from the annotation: its absence is expected.
    const certManaged = Object.keys(entry.doc.value.metadata ? annotationsOf(entry.doc.value.metadata) : {}).some(
      (key) => key.startsWith('cert-manager.io/') || key === 'kubernetes.io/tls-acme',
    );
    ingress.tls.forEach((tls, index) => {
      if (!tls.secretName || certManaged) return;
      if (lookup(catalog, 'Secret', ingress.namespace, tls.secretName)) return;
      report(
        entry.doc,
        ['spec', 'tls', index, 'secretName'],
        'info',
        'K8S-INGRESS-TLS-SECRET-MISSING',
        `${what}: TLS Secret ${tls.secretName} is not in these files. Create it (kubectl create secret tls …) or let ` +
          'cert-manager issue it; until then the controller serves its default certificate.',
        ingress.id,
      );
    });
  }
}

function annotationsOf(metadata: unknown): Record<string, unknown> {
  const annotations = (metadata as Record<string, unknown>).annotations;
  return annotations && typeof annotations === 'object' && !Array.isArray(annotations)
    ? (annotations as Record<string, unknown>)
    : {};
}

function checkBackend(
  backend: IngressBackend,
  service: ServiceObj | undefined,
  catalog: Catalog,
  what: string,
  namespace: string,
  emit: (message: string, code: string) => void,
): void {
  const ref = backend.service!;
  if (!service) {
    if (!ref.name) {
      emit(
        `${what}: a backend names no Service; add \`service: {name: …, port: {number: …}}\`.`,
        'K8S-INGRESS-BACKEND-MISSING',
      );
      return;
    }
    const elsewhere = namespacesHolding(catalog, 'Service', ref.name);
    const hint =
      elsewhere.length > 0
        ? `A Service ${ref.name} exists in namespace ${elsewhere.join(', ')}, but an Ingress only routes to Services of its own namespace (${namespace}); move one of them.`
        : `Add the Service, or fix the name${similarServiceHint(catalog, namespace)}.`;
    emit(
      `${what} routes to Service ${ref.name}, which is not in namespace ${namespace} in these files. ${hint}`,
      'K8S-INGRESS-BACKEND-MISSING',
    );
    return;
  }
  if (ref.port.number === undefined && ref.port.name === undefined) return;
  if (findServicePort(service, ref.port)) return;
  emit(
    `${what} routes to ${describeBackendPort(ref.port)} of Service ${service.name}, which has ${describeServicePorts(service)}. ` +
      'Use one of those ports.',
    'K8S-INGRESS-BACKEND-PORT',
  );
}

/** `; Services in this namespace: a, b` when there are any. */
export function similarServiceHint(catalog: Catalog, namespace: string): string {
  const names = catalog.services.filter((s) => s.object.namespace === namespace).map((s) => s.object.name);
  return names.length > 0 ? ` (Services in ${namespace}: ${names.slice(0, 8).join(', ')})` : '';
}
