import type { GatewayObj, ServiceObj, TopologyEdge } from '../model/topology';
import { lookup, namespacesHolding, type Catalog } from './catalog';
import { describeServicePorts, similarServiceHint } from './ingressRouting';
import { INTERNET_ID } from './nodes';
import { findServicePort } from './ports';
import { describeObject, type Reporter } from './report';

/**
 * Wires the Gateway API: Internet → Gateway, HTTPRoute → Gateway (`parent-ref`), HTTPRoute →
 * Service (`routes`, labelled with the route's paths), and checks the references.
 */
export function routeGateways(catalog: Catalog, report: Reporter, edges: TopologyEdge[]): void {
  for (const { object: gateway } of catalog.gateways) edges.push({ from: INTERNET_ID, to: gateway.id, kind: 'routes' });

  for (const { doc, object: route } of catalog.httpRoutes) {
    const what = describeObject('HTTPRoute', route.namespace, route.name);
    route.parentRefs.forEach((ref, index) => {
      if (ref.kind !== 'Gateway') return;
      const namespace = ref.namespace ?? route.namespace;
      const gateway = lookup<GatewayObj>(catalog, 'Gateway', namespace, ref.name);
      if (gateway) {
        edges.push({ from: route.id, to: gateway.id, kind: 'parent-ref' });
        return;
      }
      report(
        doc,
        ['spec', 'parentRefs', index],
        'warning',
        'K8S-ROUTE-PARENT-MISSING',
        `${what} attaches to Gateway ${ref.name} in namespace ${namespace}, which is not in these files; ` +
          'without it the route receives no traffic. Add the Gateway or fix parentRefs.',
        route.id,
      );
    });

    const labels = new Map<string, { service: ServiceObj; paths: string[] }>();
    const checked = new Set<string>();
    route.rules.forEach((rule, ruleIndex) => {
      const paths = rule.matches.map((m) => m.path?.value ?? '/');
      for (const ref of rule.backendRefs) {
        if (ref.kind !== 'Service') continue; // custom backend kinds are the implementation's business
        const namespace = ref.namespace ?? route.namespace;
        const service = lookup<ServiceObj>(catalog, 'Service', namespace, ref.name);
        const key = `${namespace}/${ref.name}:${ref.port ?? ''}`;
        if (service) {
          const group = labels.get(service.id) ?? { service, paths: [] };
          for (const path of paths) if (!group.paths.includes(path)) group.paths.push(path);
          labels.set(service.id, group);
        }
        if (checked.has(key)) continue;
        checked.add(key);
        const at = ['spec', 'rules', ruleIndex, 'backendRefs'];
        if (!service) {
          const elsewhere = namespacesHolding(catalog, 'Service', ref.name).filter((ns) => ns !== namespace);
          report(
            doc,
            at,
            'warning',
            'K8S-ROUTE-BACKEND-MISSING',
            `${what} sends traffic to Service ${ref.name} in namespace ${namespace}, which is not in these files. ` +
              (elsewhere.length > 0
                ? `It exists in namespace ${elsewhere.join(', ')}: set backendRefs[].namespace (and a ReferenceGrant).`
                : `Add the Service, or fix the name${similarServiceHint(catalog, namespace ?? 'default')}.`),
            route.id,
          );
        } else if (ref.port !== undefined && !findServicePort(service, { number: ref.port })) {
          report(
            doc,
            at,
            'warning',
            'K8S-ROUTE-BACKEND-PORT',
            `${what} sends traffic to port ${ref.port} of Service ${service.name}, which has ${describeServicePorts(service)}.`,
            route.id,
          );
        }
      }
    });
    for (const { service, paths } of labels.values()) {
      const hosts = route.hostnames.length > 0 ? route.hostnames.join(', ') + ' ' : '';
      edges.push({ from: route.id, to: service.id, kind: 'routes', label: `${hosts}${paths.join(', ')}` });
    }
  }
}
