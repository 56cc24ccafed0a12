import type { ObjectId } from '../model/ids';
import type { ServiceObj, ServicePort, ServiceType } from '../model/topology';
import type { ParsedDocument } from '../parse/parseFile';
import { readLabelMap } from './labels';
import type { ObjectMeta } from './metadata';
import { readIntOrStringPort, readPortNumber, readProtocol } from './ports';
import { asInteger, asRecord, asString, listOf, recordOf, stringList } from './read';
import { describeObject, type Reporter } from './report';

const SERVICE_TYPES: readonly ServiceType[] = ['ClusterIP', 'NodePort', 'LoadBalancer', 'ExternalName'];

/** The default --service-node-port-range of kube-apiserver. */
export const NODE_PORT_RANGE = { min: 30000, max: 32767 } as const;

/** Reads a Service: type, headless, selector, ports (targetPort defaulting to port); checks nodePorts. */
export function readService(
  doc: ParsedDocument,
  meta: ObjectMeta,
  id: ObjectId,
  name: string,
  report: Reporter,
): ServiceObj {
  const spec = recordOf(doc.value.spec);
  const what = describeObject('Service', meta.namespace, name);
  const rawType = asString(spec.type);
  let serviceType: ServiceType = 'ClusterIP';
  if (rawType !== undefined) {
    const known = SERVICE_TYPES.find((type) => type === rawType);
    if (known) serviceType = known;
    else {
      report(
        doc,
        ['spec', 'type'],
        'error',
        'K8S-SVC-TYPE-INVALID',
        `${what} has type "${rawType}"; use one of ${SERVICE_TYPES.join(', ')} (it is drawn as ClusterIP).`,
        id,
      );
    }
  }

  const servicePorts: ServicePort[] = [];
  listOf(spec.ports).forEach((item, index) => {
    const record = asRecord(item);
    if (!record) return;
    const path = ['spec', 'ports', index];
    const port = readPortNumber(record.port);
    const portName = asString(record.name);
    if (port === undefined) {
      report(
        doc,
        record.port === undefined ? path : [...path, 'port'],
        'error',
        'K8S-MISSING-FIELD',
        record.port === undefined
          ? `${what}: port ${portName ?? index + 1} has no \`port:\`; add the number clients connect to (e.g. port: 80).`
          : `${what}: port ${portName ?? index + 1} has port ${JSON.stringify(record.port)}, which is not a number from 1 to 65535.`,
        id,
      );
      return;
    }
    const nodePort = asInteger(record.nodePort);
    if (nodePort !== undefined) checkNodePort(doc, [...path, 'nodePort'], nodePort, serviceType, what, id, report);
    servicePorts.push({
      ...(portName !== undefined ? { name: portName } : {}),
      port,
      targetPort: readIntOrStringPort(record.targetPort) ?? port,
      ...(nodePort !== undefined && serviceType !== 'ClusterIP' ? { nodePort } : {}),
      protocol: readProtocol(record.protocol),
      span: doc.locate(path),
    });
  });

  const selector = readLabelMap(spec.selector);
  const externalName = asString(spec.externalName);
  const loadBalancerIP = asString(spec.loadBalancerIP);
  return {
    id,
    role: 'service',
    kind: 'Service',
    name,
    namespace: meta.namespace,
    labels: meta.labels,
    ports: servicePorts.map((p) => ({ ...(p.name ? { name: p.name } : {}), port: p.port, protocol: p.protocol })),
    source: doc.span,
    serviceType,
    headless: spec.clusterIP === 'None',
    // `selector: {}` is dropped by the API server: such a Service selects nothing.
    ...(Object.keys(selector).length > 0 ? { selector } : {}),
    servicePorts,
    ...(externalName !== undefined ? { externalName } : {}),
    sessionAffinity: spec.sessionAffinity === 'ClientIP' ? 'ClientIP' : 'None',
    ...(spec.externalTrafficPolicy === 'Local' ? { externalTrafficPolicy: 'Local' as const } : {}),
    ...(spec.internalTrafficPolicy === 'Local' ? { internalTrafficPolicy: 'Local' as const } : {}),
    externalIPs: stringList(spec.externalIPs),
    ...(loadBalancerIP !== undefined ? { loadBalancerIP } : {}),
    endpoints: [],
  };
}

function checkNodePort(
  doc: ParsedDocument,
  path: (string | number)[],
  nodePort: number,
  serviceType: ServiceType,
  what: string,
  id: ObjectId,
  report: Reporter,
): void {
  if (serviceType === 'ClusterIP' || serviceType === 'ExternalName') {
    report(
      doc,
      path,
      'error',
      'K8S-NODEPORT-CLUSTERIP',
      `${what} sets nodePort ${nodePort}, but its type is ${serviceType}; the API server rejects that. ` +
        'Set `type: NodePort` (or LoadBalancer), or remove the nodePort.',
      id,
    );
    return;
  }
  if (nodePort < NODE_PORT_RANGE.min || nodePort > NODE_PORT_RANGE.max) {
    report(
      doc,
      path,
      'error',
      'K8S-NODEPORT-RANGE',
      `${what} asks for nodePort ${nodePort}, outside the default range ${NODE_PORT_RANGE.min}–${NODE_PORT_RANGE.max}; ` +
        'pick a port in that range or leave nodePort out so one is allocated.',
      id,
    );
  }
}
