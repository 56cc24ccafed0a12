import type { Diagnostic } from '../model/diagnostics';
import type { SourceSpan } from '../model/source';
import { k8sObjectId, type ObjectId } from '../model/ids';
import type { NodeObj, Topology, TopologyEdge, TopologyObject, WorkloadObj } from '../model/topology';
import type { ParsedDocument } from '../parse/parseFile';
import { emptyCatalog, lookup, type Catalog } from './catalog';
import { isConfigKind, readConfigObject } from './config';
import { readEndpoints } from './endpoints';
import { readGateway, readHTTPRoute } from './gateway';
import { routeGateways } from './gatewayRouting';
import { inferConnections } from './inferConnections';
import { readIngress, readIngressClass } from './ingress';
import { routeIngresses } from './ingressRouting';
import { isModelledKind } from './kinds';
import { checkLabelMap } from './labelValidation';
import { readObjectMeta, type ObjectMeta } from './metadata';
import { readNetworkPolicy } from './networkPolicy';
import { INTERNET_ID, readNode, simulatedNodes, synthesizeInfrastructure } from './nodes';
import { generatedName } from './podNames';
import { allocateNodePorts } from './nodePortAllocation';
import { checkFieldTypes } from './fieldTypes';
import { expandWorkloadPods } from './pods';
import { readService } from './services';
import { connectServices } from './serviceEndpoints';
import { linkReferences } from './references';
import { createReporter, describeObject, type Reporter } from './report';
import { recordOf } from './read';
import { checkWorkloads } from './workloadChecks';
import { checkDocument, dropDuplicateRequired, type KubeValidation } from './schema/checkDocument';
import { DEFAULT_KUBE_VERSION } from './schema/versions';
import { isWorkloadKind, readAutoscaler, readWorkload } from './workloads';

export type KubernetesOptions = {
  nodes: number;
  /** the Kubernetes version to check against (default: the newest offered) and its schemas */
  validation?: KubeValidation;
};

/**
 * Kubernetes documents → Topology: every object read, pods made and placed on worker nodes,
 * references followed into edges, and the diagnostics a reviewer (or the API server) would give.
 */
export function buildKubernetesTopology(
  documents: readonly ParsedDocument[],
  options: KubernetesOptions,
): { topology: Topology; diagnostics: Diagnostic[] } {
  const report = createReporter();
  const catalog = emptyCatalog();
  const edges: TopologyEdge[] = [];
  const fileObjects: TopologyObject[] = [];
  const nodeDocs: { doc: ParsedDocument; meta: ObjectMeta; name: string }[] = [];
  const autoscalers: { doc: ParsedDocument; id: ObjectId }[] = [];
  const unnamed = new Map<string, number>();
  const validation = options.validation ?? { version: DEFAULT_KUBE_VERSION };
  const customKinds = new Set<string>();

  for (const doc of documents) {
    const meta = readObjectMeta(doc);
    const name = objectName(doc, meta, unnamed, report);
    if (meta.namespace !== undefined) catalog.namespaces.add(meta.namespace);
    const id = k8sObjectId(meta.kind, meta.namespace, name);
    if (catalog.byId.has(id) || (meta.kind === 'Node' && nodeDocs.some((n) => n.name === name))) {
      const first = catalog.byId.get(id)?.source ?? nodeDocs.find((n) => n.name === name)?.doc.span;
      reportDuplicate(doc, first, describeObject(meta.kind, meta.namespace, name), id, report);
      continue;
    }
    const rejected = checkDocument(doc, meta, id, validation, report, customKinds);
    if (rejected) {
      // The API server refuses it: drawn with its error, and nothing is derived from it.
      const object: TopologyObject = { ...genericObject(doc, meta, id, name), rejected };
      catalog.byId.set(id, object);
      fileObjects.push(object);
      continue;
    }
    checkLabelMap(doc, ['metadata', 'labels'], recordOf(doc.value.metadata).labels, report, id);
    if (isModelledKind(meta.kind, meta.apiVersion))
      checkFieldTypes(doc, meta.kind, { namespace: meta.namespace, name }, id, report);
    if (meta.kind === 'Node' && isModelledKind('Node', meta.apiVersion)) {
      nodeDocs.push({ doc, meta, name });
      continue;
    }
    const object = readObject(doc, meta, id, name, catalog, report);
    if (meta.kind === 'HorizontalPodAutoscaler' && isModelledKind(meta.kind, meta.apiVersion)) {
      autoscalers.push({ doc, id });
    }
    if (meta.kind === 'Namespace') catalog.namespaces.add(name);
    catalog.byId.set(id, object);
    fileObjects.push(object);
  }

  catalog.nodes =
    nodeDocs.length > 0
      ? nodeDocs.map(({ doc, meta, name }, index) => readNode(doc, meta, name, index + 1))
      : simulatedNodes(options.nodes);
  for (const node of catalog.nodes) catalog.byId.set(node.id, node);

  applyAutoscalers(autoscalers, catalog, report);
  expandWorkloadPods(catalog, report, edges);
  checkWorkloads(catalog, report);
  allocateNodePorts(catalog.services, report);
  connectServices(catalog, report, edges);
  for (const { object: service } of catalog.services) {
    // NodePort and LoadBalancer Services are reachable from outside the cluster.
    if (service.serviceType === 'NodePort' || service.serviceType === 'LoadBalancer') {
      edges.push({ from: INTERNET_ID, to: service.id, kind: 'routes' });
    }
  }
  routeIngresses(catalog, report, edges);
  routeGateways(catalog, report, edges);
  linkReferences(catalog, report, edges);
  inferConnections(catalog, report, edges);

  const bare = new Set(catalog.pods.filter((pod) => !pod.owner).map((pod) => pod.id));
  const objects: TopologyObject[] = [
    ...synthesizeInfrastructure(),
    ...(catalog.nodes as NodeObj[]),
    ...fileObjects,
    ...catalog.pods.filter((pod) => !bare.has(pod.id)),
  ];
  return { topology: { world: 'kubernetes', objects, edges }, diagnostics: dropDuplicateRequired(report.diagnostics) };
}

/**
 * The same object twice. In one file that is a mistake (kubectl applies both, the second wins);
 * across files it is how overlays are written: the second apply updates the first.
 */
function reportDuplicate(
  doc: ParsedDocument,
  first: SourceSpan | undefined,
  what: string,
  id: ObjectId,
  report: Reporter,
): void {
  if (first && first.file !== doc.file) {
    report(
      doc,
      ['metadata', 'name'],
      'warning',
      'K8S-DUPLICATE-ACROSS-FILES',
      `${what} is also defined in ${first.file}:${first.start.line}; applying both files, the second apply updates ` +
        'the first. Portolan draws the first one; merge them if both are meant.',
      id,
    );
    return;
  }
  report(
    doc,
    ['metadata', 'name'],
    'error',
    'K8S-DUPLICATE-NAME',
    `${what} is defined twice` +
      (first ? ` (first at ${first.file}:${first.start.line})` : '') +
      '; the second one replaces the first when applied. Rename one or delete the copy.',
    id,
  );
}

/** metadata.name, or a generated one (generateName, or `unnamed-kind-N` with a diagnostic). */
function objectName(doc: ParsedDocument, meta: ObjectMeta, unnamed: Map<string, number>, report: Reporter): string {
  if (meta.name !== undefined) return meta.name;
  if (meta.generateName !== undefined) return generatedName(meta.generateName, `${doc.file}#${doc.index}`);
  const count = (unnamed.get(meta.kind) ?? 0) + 1;
  unnamed.set(meta.kind, count);
  const name = `unnamed-${meta.kind.toLowerCase()}-${count}`;
  report(
    doc,
    ['metadata'],
    'error',
    'K8S-MISSING-FIELD',
    `This ${meta.kind} has no metadata.name; add \`metadata: {name: …}\` (it is drawn as ${name}).`,
  );
  return name;
}

function readObject(
  doc: ParsedDocument,
  meta: ObjectMeta,
  id: ObjectId,
  name: string,
  catalog: Catalog,
  report: Reporter,
): TopologyObject {
  const kind = meta.kind;
  const generic = genericObject(doc, meta, id, name);
  if (!isModelledKind(kind, meta.apiVersion)) return generic;
  if (isWorkloadKind(kind)) {
    const entry = readWorkload(doc, meta, kind, id, name);
    catalog.workloads.push(entry);
    return entry.object;
  }
  if (isConfigKind(kind)) {
    const object = readConfigObject(doc, meta, kind, id, name);
    catalog.configs.push(object);
    return object;
  }
  switch (kind) {
    case 'Service': {
      const object = readService(doc, meta, id, name, report);
      catalog.services.push({ doc, object });
      return object;
    }
    case 'Endpoints':
    case 'EndpointSlice': {
      const object = readEndpoints(doc, meta, kind, id, name);
      catalog.endpoints.push(object);
      return object;
    }
    case 'Ingress': {
      const entry = readIngress(doc, meta, id, name, report);
      catalog.ingresses.push({ doc, object: entry.object, backends: entry.backends });
      return entry.object;
    }
    case 'IngressClass': {
      const object = readIngressClass(doc, meta, id, name);
      catalog.ingressClasses.push(object);
      return object;
    }
    case 'Gateway': {
      const object = readGateway(doc, meta, id, name);
      catalog.gateways.push({ doc, object });
      return object;
    }
    case 'HTTPRoute': {
      const object = readHTTPRoute(doc, meta, id, name);
      catalog.httpRoutes.push({ doc, object });
      return object;
    }
    case 'NetworkPolicy':
      return readNetworkPolicy(doc, meta, id, name);
    default:
      return generic;
  }
}

/** An object Portolan draws as a plain box. */
function genericObject(doc: ParsedDocument, meta: ObjectMeta, id: ObjectId, name: string): TopologyObject {
  return {
    id,
    role: 'generic',
    kind: meta.kind,
    name,
    ...(meta.namespace !== undefined ? { namespace: meta.namespace } : {}),
    labels: meta.labels,
    source: doc.span,
  };
}

/** Sets `autoscaler` on each HPA's target; the HPA keeps replicas within its bounds. */
function applyAutoscalers(autoscalers: { doc: ParsedDocument; id: ObjectId }[], catalog: Catalog, report: Reporter) {
  for (const { doc, id } of autoscalers) {
    const hpa = catalog.byId.get(id);
    const target = readAutoscaler(doc);
    if (!hpa || !target) continue;
    const workload = lookup<WorkloadObj>(catalog, target.kind, hpa.namespace, target.name);
    if (!workload || workload.role !== 'workload') {
      report(
        doc,
        ['spec', 'scaleTargetRef'],
        'warning',
        'K8S-HPA-TARGET-MISSING',
        `${describeObject('HorizontalPodAutoscaler', hpa.namespace, hpa.name)} scales ${target.kind} ${target.name}, ` +
          `which is not in namespace ${hpa.namespace} in these files. Fix scaleTargetRef or add the workload.`,
        id,
      );
      continue;
    }
    workload.autoscaler = { name: hpa.name, minReplicas: target.minReplicas, maxReplicas: target.maxReplicas };
    // The HPA raises a workload below minReplicas and lowers one above maxReplicas.
    workload.replicas = Math.min(target.maxReplicas, Math.max(target.minReplicas, workload.replicas));
  }
}
